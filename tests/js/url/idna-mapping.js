// UTS #46 mapping of hosts: case folding beyond ASCII, compatibility
// forms (ligatures, full-width, circled and superscript characters), the
// characters it keeps (ß, ς) and ignores (soft hyphen, variation
// selectors), and combining marks composed by NFC.
const { showAll } = require('./fixtures/show');
const hosts = ['\u0130stanbul', 'K\u212aelvin', '\u1e9e.de', 'STRA\u00dfE', '\u03a3\u039f\u03a6\u039f\u03a3', '\ufb01le',
  '\u338f.jp', 'x\u00b2', '\u2460\u2461', '\uff26\uff2f\uff2f', 'a\ufe0fb', 'a\u034fb', 'e\u0301', 'A\u030a', '\u212b',
  '\u00c5ngstr\u00f6m', '\u0410\u0411\u0412', '\u10a0', '\u13a0', 'ǅ', '\u2126', 'ﬀ', '\u3000a', 'a\u2024b', 'a\uff0eb',
  '\u0663\u0664', '\u05d0\u05d1', 'a\u200cb', '\u0915\u094d\u200d', '\ud835\udc00bc'];
showAll(hosts.map((h) => `https://${h}/`));
