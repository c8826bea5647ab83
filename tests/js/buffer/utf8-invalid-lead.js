'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const hex = (h) => Buffer.from(h, 'hex');
const show = (s) => [...s].map((c) => c.codePointAt(0).toString(16)).join(' ');
for (const h of ['80', 'bf', 'c0', 'c1', 'c0af', 'c1bf', 'f5', 'f8', 'fc', 'fe', 'ff', 'fffe', '41ff42', 'f880808080', 'fc8080808080']) {
  console.log(h, show(hex(h).toString()));
}
