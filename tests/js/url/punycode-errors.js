// punycode's RangeErrors: non-basic code points before the delimiter,
// digits that run out, overflowing deltas; and what toASCII/toUnicode
// pass through untouched.
const punycode = require('punycode');
for (const s of ['\u00e9-abc', 'abc-\u00e9', 'a', 'zz', '99', 'a-9', 'ab-', '-', '--', 'xn--', '999999999', 'ZZZZZZZZZZZZ', '\u0080', 'aaaa-', ' ']) {
  try { console.log(JSON.stringify(s), JSON.stringify(punycode.decode(s))); } catch (e) { console.log(JSON.stringify(s), e.name, e.message); }
}
for (const s of ['xn--', 'xn--\u00e9', 'xn--zz.com', 'a.b.c', '', '.', 'xn--ls8h.xn--zca']) {
  try { console.log(JSON.stringify(s), JSON.stringify(punycode.toUnicode(s))); } catch (e) { console.log(JSON.stringify(s), e.name, e.message); }
  try { console.log(JSON.stringify(s), JSON.stringify(punycode.toASCII(s))); } catch (e) { console.log(JSON.stringify(s), e.name, e.message); }
}
try { punycode.encode('\u{10FFFF}'.repeat(2000)); console.log('long ok'); } catch (e) { console.log(e.name, e.message); }
