// Domain hosts: lowercasing, UTS #46 mapping (full-width forms, the
// ideographic full stop, ignored code points), punycode in both
// directions, and the characters no domain may hold.
const { showAll } = require('./fixtures/show');
const url = require('url');
const hosts = ['EXAMPLE.com', 'ExAmPlE.CoM', 'bücher.de', 'BÜCHER.de', 'faß.de', 'xn--fa-hia.de',
  'xn--zca.de', 'XN--ZCA.de', 'xn--nxasmq6b.com', 'ÄÖ.com', 'Σ.com', 'σ.com', 'ς.com',
  'ｅｘａｍｐｌｅ．ｃｏｍ', 'a。b', 'a．b', 'a｡b', 'a\u00adb.com', 'a\u200bb.com',
  '\u65e5\u672c\u8a9e.jp', 'm\u00fcnchen.de', '\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444',
  '\u0645\u062b\u0627\u0644.com', 'xn--ls8h', '\ud83d\udca9.la', 'xn--', 'xn--abc', 'xn--a',
  'a\ufffdb', 'a\u200db', '\u0301a', 'ab--c', '-x-', 'a..b', 'a b', 'a<b', 'a>b', 'a^b',
  'a|b', 'a%b', 'a%41b', '%41.com', '%zz', '%ef%bf%bd', '%00', 'a\u007fb', 'a@b', 'a\\b',
  'ex$ample.com', 'ex_ample.com', "ex'ample.com", 'ex!ample.com', 'ex*ample.com',
  'localhost', 'LOCALHOST', 'a.b.c', '\u0130.com', 'I.com', '\u212a.com', 'x.\u00c5.com'];
const inputs = [];
for (const h of hosts) inputs.push(`http://${h}/`);
showAll(inputs);
for (const h of ['EXAMPLE.com', 'bücher.de', 'xn--fa-hia.de', 'ｅｘａｍｐｌｅ．ｃｏｍ', '\u65e5\u672c\u8a9e.jp',
  'xn--abc', 'a b', '[::1]', '1.2.3', '', 'xn--ls8h', '\ud83d\udca9.la', 'a%41b']) {
  console.log(JSON.stringify(h), JSON.stringify(url.domainToASCII(h)), JSON.stringify(url.domainToUnicode(h)));
}
