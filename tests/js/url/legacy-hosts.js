// url.parse hosts: characters that end a host early, IPv6 literals,
// ports, lowercase and punycode, over-long names, and the hosts it
// rejects with ERR_INVALID_URL.
const { parse } = require('./fixtures/legacy');
const hosts = ['h', 'H.COM', 'h:8', 'h:', 'h:x', 'h:8:9', '[::1]', '[::1]:8', '[::1', '::1', '[::1]x', 'a\tb', 'a%b', "a'b",
  'a;b', 'a<b', 'a\\b', 'a^b', 'a`b', 'a{b', 'a|b', 'a}b', 'a"b', 'a b', 'a_b', 'a$b', 'a!b', 'a*b', 'a(b', 'a,b', 'a=b',
  'a+b', 'a~b', 'a[b', 'a]b', '\u00e9.com', 'M\u00dcNCHEN.de', '\u4e2d\u6587', 'x'.repeat(255), 'x'.repeat(256), '.', '..h', 'h.',
  '-h', 'h-', '0x7f.1', '1.2.3.4', '[fe80::1%25eth0]', 'u@h', 'u:p@h:8', '@h', 'u@', 'a@b@c'];
for (const h of hosts) parse(`http://${h}/p`);
for (const h of ['h', '[::1]', 'a b', 'u@h']) { parse(`sc://${h}/p`); parse(`mailto:${h}`); }
for (const h of ['xn--abc', '0x7f.1', '1.2.3', 'a\u0000b', 'a\u000bb', 'a\nb', 'a\u00adb', '\uff21', 'a\u3002b', '\ufffd', 'A.\u00c9']) parse(`http://${h}/`);
for (const s of ['\u0001http://h/\u0002', 'http://h/a\u0001b', 'ja\tvascript:x', 'http://h/a\tb', '\u0000 \u001f//h/p']) parse(s);
