// Opaque hosts of non-special URLs: kept as written (not lowercased, not
// punycoded), C0 controls and non-ASCII percent-encoded, forbidden code
// points fatal.
const { showAll } = require('./fixtures/show');
const hosts = ['Host', 'HOST.Example', '\u00e9', '\u4e2d', 'a%20b', 'a%zz', '%', 'a!b', 'a$b', "a'b", 'a(b)', 'a*b', 'a+b',
  'a,b', 'a;b', 'a=b', 'a_b', 'a~b', 'a"b', 'a`b', 'a{b}', 'a\u007fb', 'a\u0001b', 'a b', 'a<b', 'a>b', 'a^b', 'a|b',
  'xn--zca', 'xn--abc', '1.2.3', '0x7f.1', 'a..b', '.'];
showAll(hosts.map((h) => `sc://${h}/p`));
