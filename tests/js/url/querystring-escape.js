// querystring.escape and unescape character by character, and
// unescape's fallback for malformed escapes with and without decodeSpaces.
const qs = require('querystring');
const row = [];
for (let c = 0x20; c < 0x80; c++) row.push(qs.escape(String.fromCharCode(c)));
console.log(row.join(' '));
for (const s of ['\u00e9', '\u4e2d', '\ud83d\ude00', '\u0000', '\u00a0']) console.log(JSON.stringify(s), qs.escape(s));
for (const s of ['%', '%2', '%zz', '%%20', '%2%20', '%C3', '%C3%A9%C3', '+%2B+', 'a%20b+c', '%uABCD', '%E2%82%AC', '%e2%82%ac']) {
  console.log(JSON.stringify(s), JSON.stringify(qs.unescape(s)), JSON.stringify(qs.unescape(s, true)));
}
const orig = qs.unescape;
qs.unescape = (s) => `[${s}]`;
console.log(qs.parse('a=%41&b=c'));
qs.unescape = orig;
qs.escape = (s) => `<${s}>`;
console.log(qs.stringify({ a: 'b' }));
