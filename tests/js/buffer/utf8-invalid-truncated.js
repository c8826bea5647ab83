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
for (const h of ['c2', 'e2', 'e282', 'f0', 'f09f', 'f09f98', 'e28241', 'f09f9841', 'c241', 'e2e282ac', 'f0f09f9880', 'e282e282', 'c2c2', '41c2']) {
  console.log(h, show(hex(h).toString()));
}
