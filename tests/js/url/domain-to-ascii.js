// url.domainToASCII and url.domainToUnicode over hosts of every kind:
// empty string for what is not a host, IPv4 and IPv6 serialized.
const url = require('url');
const inputs = ['example.com', 'EXAMPLE.COM', 'español.com', 'xn--espaol-zwa.com', '中文.com', 'xn--fiq228c.com',
  'xn--iñvalid.com', 'xn--', '\u00df.de', 'ab\u00adcd', '1.2.3.4', '0x7f.1', '999.1.1.1', '[::1]', '[::1', '::1', '',
  'a b', 'a%20b', '%41', 'a..b', '.', '..', 'a.', '\ud83d\ude00', 'xn--ls8h', 'XN--LS8H', 'Ⅻ.com', '①.com', '\u0660',
  'localhost', 'a\u3002b', 'ｆｏｏ', 'a\u200cb', 'a\u0000b', '\u00e0\u0301.com'];
for (const d of inputs) console.log(JSON.stringify(d), JSON.stringify(url.domainToASCII(d)), JSON.stringify(url.domainToUnicode(d)));
for (const v of [1, null, undefined, { toString: () => 'OBJ.com' }]) {
  console.log(String(v), JSON.stringify(url.domainToASCII(v)), JSON.stringify(url.domainToUnicode(v)));
}
try { url.domainToASCII(); } catch (e) { console.log(e.code, e.message); }
try { url.domainToUnicode(); } catch (e) { console.log(e.code, e.message); }
