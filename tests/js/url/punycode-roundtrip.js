// punycode encode/decode round trips over many scripts, mixed ASCII,
// case, and labels long enough to need wide deltas.
const punycode = require('punycode');
const words = ['\u00e9t\u00e9', '\u0440\u043e\u0441\u0441\u0438\u044f', '\u0627\u0644\u0639\u0631\u0628\u064a\u0629',
  '\u0939\u093f\u0928\u094d\u0926\u0940', '\u0e44\u0e17\u0e22', '\ud55c\uad6d\uc5b4', '\u65e5\u672c\u8a9e', 'Ελληνικά',
  'a\u00e9b\u00e8c', 'MiXeD\u00dcml\u00e4ut', '\ud83d\ude00\ud83d\ude01\ud83d\ude02', 'a'.repeat(60) + '\u00e9',
  '\u00e9'.repeat(40), '\u4e00\u9fff\uac00\ud7a3', '-\u00e9-', '\u10000', '\u{1F600}x\u{10FFFF}'];
for (const w of words) {
  const e = punycode.encode(w);
  const a = punycode.toASCII(`${w}.com`);
  console.log(JSON.stringify(e), punycode.decode(e) === w, a, punycode.toUnicode(a) === `${w}.com`);
}
