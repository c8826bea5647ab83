'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const { StringDecoder } = require('string_decoder');
const show = (s) => [...s].map((c) => c.codePointAt(0).toString(16)).join(' ');
const seqs = [['e2', '41'], ['e282', '41'], ['f0', '9f', '41'], ['c2', 'c2', '41'], ['ff', '41'], ['80', '80'], ['e2', '82', 'ac'], ['ed', 'a0', '80'], ['f4', '90'], ['c0', 'af'], ['e0', '80'], ['f09f98', '80f0']];
for (const parts of seqs) {
  const d = new StringDecoder('utf8');
  const out = parts.map((h) => show(d.write(Buffer.from(h, 'hex'))));
  out.push(show(d.end()));
  console.log(parts.join('|'), '=>', out.join(' | '));
}
