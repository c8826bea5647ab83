// url.format of objects and strings: protocols that get '//', auth
// encoding, hosts vs hostname+port, query objects, '#' and '?' in paths.
const url = require('url');
const objs = [
  { protocol: 'http', host: 'a.com', pathname: 'x#y?z', query: { a: 1, b: [2, 3] } },
  { protocol: 'http:', hostname: 'a.com', port: 8080, pathname: '/p', search: 'q=1', hash: 'h' },
  { protocol: 'https', hostname: '::1', port: '443' }, { protocol: 'https', hostname: '[::1]' },
  { protocol: 'mailto', auth: 'a', host: 'b.com' }, { protocol: 'mailto', pathname: 'a@b.com' },
  { protocol: 'file', pathname: '/etc/x' }, { protocol: 'FILE', pathname: 'etc' }, { protocol: 'file:', host: 'h', pathname: 'x' },
  { protocol: 'sc', slashes: true, host: 'h', pathname: 'p' }, { protocol: 'sc', host: 'h', pathname: 'p' },
  { auth: 'us er:p@ss:w', host: 'h' }, { auth: 'é:/?#', hostname: 'h', port: 1 },
  { search: '?a#b', hash: '#c' }, { search: 'a', query: { ignored: 1 } }, { query: 'str' }, { query: { x: ['1', '2'], y: '' } },
  { pathname: 'rel/path' }, { host: 'h', pathname: 'rel' }, { slashes: true, pathname: '/p' },
  { protocol: 'http', slashes: false, hostname: 'h' }, {}, { href: 'ignored' }, { protocol: 'javascript', pathname: 'alert(1)' },
  { hostname: 'h', port: 0 }, { hostname: 'h', port: '' },
];
for (const o of objs) console.log(JSON.stringify(o), '->', url.format(o));
for (const s of ['http://A.com/x y', 'HTTP://u:p@H/?q#f', '/a?b#c', 'mailto:a@b']) console.log(s, '->', url.format(s));
const parsed = url.parse('http://u:p@h:8/p?q=1#f');
console.log(parsed.format(), url.format(parsed), parsed instanceof url.Url, Object.keys(new url.Url()));
for (const bad of [null, 1, undefined, true]) {
  try { url.format(bad); } catch (e) { console.log(e.code, e.message); }
}
