'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const cases = ['\ud800', '\udc00', 'a\ud800b', '\udc00\ud800', '\ud83d\ude00', '\ud83d', 'x\ud83d', '\ude00x', '\ud800\ud800\udc00'];
for (const s of cases) {
  console.log(JSON.stringify(s), Buffer.from(s).toString('hex'), Buffer.byteLength(s), Buffer.byteLength(s, 'utf8'));
}
