'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const d = (s, e = 'base64') => { const b = Buffer.from(s, e); return `${b.toString('hex')} (${b.length})`; };
for (const s of ['aGVsbG8=', 'aGVsbG8', 'aGVsbA', 'aGVsbA==', 'aGVsbA=', 'aGVs', 'a', 'aG', 'aGV', '====', '', 'aGVs bG8=', 'aGVs\nbG8=', ' a G V s ', 'aGVs!!bG8', 'aG=Vs', 'aGVs=bG8=', '_-_-', '+/+/', 'aGVsbG8===', 'aGVsbG8=junk', '\u00e9aGk=']) {
  console.log(JSON.stringify(s), d(s), d(s, 'base64url'));
}
