// The percent-encode sets, code point by code point: how each printable
// ASCII character, some controls and some non-ASCII come out in the
// userinfo, path, query (special and not), fragment, opaque path and
// opaque host.
const chars = [];
for (let c = 0x21; c < 0x7f; c++) chars.push(String.fromCharCode(c));
chars.push(' ', '\u0001', '\u001f', '\u007f', '\u0080', '\u00e9', '\u4e2d', '\ud83d\ude00', '\ufffd', '\ud800');
function part(build, get) {
  const row = [];
  for (const ch of chars) {
    let v;
    try { v = get(new URL(build(ch))); } catch (e) { v = `<${e.code}>`; }
    row.push(`${JSON.stringify(ch)}:${v}`);
  }
  return row.join(' ');
}
console.log('user', part((c) => `http://a${c}b@h/`, (u) => u.username));
console.log('pass', part((c) => `http://u:a${c}b@h/`, (u) => u.password));
console.log('path', part((c) => `http://h/a${c}b`, (u) => u.pathname));
console.log('npath', part((c) => `sc://h/a${c}b`, (u) => u.pathname));
console.log('query', part((c) => `http://h/?a${c}b`, (u) => u.search));
console.log('nquery', part((c) => `sc://h/?a${c}b`, (u) => u.search));
console.log('hash', part((c) => `http://h/#a${c}b`, (u) => u.hash));
console.log('opaque', part((c) => `sc:a${c}b`, (u) => u.pathname));
console.log('ohost', part((c) => `sc://a${c}b/`, (u) => u.host));
console.log('host', part((c) => `http://a${c}b/`, (u) => u.host));
