// node:punycode: RFC 3492's sample strings both ways, toASCII/toUnicode
// on domains and e-mail addresses, ucs2 helpers, and the RangeErrors.
const punycode = require('punycode');
console.log(punycode.version, Object.keys(punycode), Object.keys(punycode.ucs2));
const samples = ['\u0644\u064a\u0647\u0645\u0627\u0628\u062a\u0643\u0644\u0645\u0648\u0634\u0639\u0631\u0628\u064a\u061f',
  '\u4ed6\u4eec\u4e3a\u4ec0\u4e48\u4e0d\u8bf4\u4e2d\u6587', 'Pro\u010dprost\u011bnemluv\u00ed\u010desky',
  '\u3072\u3068\u3064\u5c4b\u6839\u306e\u4e0b2', '3\u5e74B\u7d44\u91d1\u516b\u5148\u751f', '-> $1.00 <-', 'b\u00fccher',
  'ma\u00f1ana', '\ud83d\udca9', 'abc', '', 'a-', '-', '\u00fc-', 'MajiKoi5\u79d2\u524d', 'a\ud800b', '\u00df'];
for (const s of samples) {
  const e = punycode.encode(s);
  console.log(JSON.stringify(s), JSON.stringify(e), punycode.decode(e) === s);
}
for (const d of ['maana-pta', 'bcher-kva', 'egbpdaj6bu4bxfgehfvwxn', 'ls8h', 'wgv71a119e', '-> $1.00 <--', 'abc-', 'ABC']) {
  console.log(d, JSON.stringify(punycode.decode(d)));
}
for (const bad of ['\u0081', 'ab-99999999999', 'a-\u00e9', '99999999', 'zzzzzzzzzzzzzz', '-!']) {
  try { console.log(JSON.stringify(bad), JSON.stringify(punycode.decode(bad))); } catch (e) { console.log(JSON.stringify(bad), e.name, e.message); }
}
for (const d of ['mañana.com', 'b\u00fccher.de', 'xn--maana-pta.com', 'user@mañana.com', 'a\u3002b\uff0ec\uff61d', 'ASCII.Example', '\u2603.net']) {
  console.log(JSON.stringify(d), punycode.toASCII(d), punycode.toUnicode(punycode.toASCII(d)));
}
console.log(punycode.toUnicode('xn--MAANA-PTA.com'), punycode.toUnicode('XN--maana-pta'));
console.log(punycode.ucs2.decode('a\ud83d\ude00\ud800b'), punycode.ucs2.encode([0x61, 0x1f600, 0xd800, 0x62]) === 'a\ud83d\ude00\ud800b');
console.log(require('node:punycode') === punycode);
