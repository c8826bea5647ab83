// url.parse: hosts, auth, ports, protocols with and without slashes,
// auto-escaping, trimming, backslashes, and the simple-path fast case.
const { parse } = require('./fixtures/legacy');
const inputs = ['http://user:pass@host.com:8080/p/a/t/h?query=string#hash', '  http://x.com/a\\b?c\\d  ',
  '\u00a0\ufeffhttp://x.com/\t', '//foo/bar', '/a/b?x=1', 'mailto:a@b.com', 'javascript:alert(1)',
  'JAVASCRIPT:x y', 'HTTP://EXAMPLE.com', 'http://a b.com/x', 'http://[::1]:80/x', 'http://[::1', 'http://[fe80::1%25lo]/',
  'http://ex_ample.com/', 'http://ex$ample.com/x', 'http://xn--nxasmq6b.com/', 'http://ÄÖ.com/', 'file:///etc/passwd',
  'file://host/x', 'file:x', 'x', '', ' ', '?a=1', '#h', 'http://a@b@c/', 'http://a.com/"<>`{}|^ \'', 'http://a.com#x?y',
  'http://a.com?x#y?z', 'http://a%20b@host/', 'http://%zz@host/', 'http://h:/', 'http://h:0/', 'http://h:99999/',
  'http://h:8a/x', 'https://h:443', 'ftp://h', 'gopher://h', 'ws://h/x', 'sc://h/x', 'sc:h/x', 'sc:/h', 'a:b:c',
  'http:h', 'http:/h', 'http:///h', 'http:\\\\h\\x', 'HTTP://H.COM/P?Q#F', 'http://h.com/p;a=b', 'http://x.com/%7E',
  'http://-.~_!$&\'()*+,;=:%40:80%2f::::::@a.com', 'http://h/?a=%20&b=+', 'http://H\u00e9.com/', 'http://a\u200bb/',
  'http://x:y@/', 'http://@/', 'http://[]/', 'http://' + 'a'.repeat(256) + '/', 'http://a.com:80:90/', 'sc://h:12/',
  'data:text/plain,hi', 'about:blank', 'blob:http://a/b', 'xmpp:u@h', 'http://a.com/ space', 'http://a.com\\x\\y',
  '/just/path', '//', '///', 'http://h/a/../b/./c', 'HtTp://h#', 'http://x.y.z?', 'http://\u00e9.com:8/p'];
for (const s of inputs) parse(s);
for (const s of ['/a?x=1&x=2&y', 'http://h/?a=1&b', 'http://h/', '/p', '?', 'http://h/?a[b]=1&a[c]=2']) parse(s, true);
for (const s of ['//foo/bar', '//u@h:1/p', '//', 'x//y', '/\\/h/x']) { parse(s, false, true); parse(s, true, true); }
for (const bad of [1, null, undefined, {}]) parse(bad);
