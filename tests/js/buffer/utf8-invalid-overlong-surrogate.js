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
for (const h of ['e080af', 'e09f80', 'e0a080', 'eda080', 'edbfbf', 'ed9fbf', 'f08080af', 'f08fbfbf', 'f0908080', 'f4908080', 'f48fbfbf', 'f7bfbfbf', 'eda080edb080', 'efbfbd', 'efbfbf']) {
  console.log(h, show(hex(h).toString()));
}
