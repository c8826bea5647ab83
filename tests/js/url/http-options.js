// urlToHttpOptions and url.format(URL, options).
const url = require('url');
for (const s of ['https://u:p%20w@example.com:8443/a/b?x=1#h', 'http://[::1]:80/', 'http://h/', 'http://%C3%A9:%zz@h/',
  'sc://h/p', 'file:///x']) {
  try { console.log(url.urlToHttpOptions(new URL(s))); } catch (e) { console.log(s, e.name, e.message); }
}
console.log(url.urlToHttpOptions({ protocol: 'http:', hostname: '[::1]', port: '8', pathname: '/p', search: '?q', hash: '', href: 'x' }));
const u = new URL('https://user:pass@xn--nxasmq6b.com:8/p?q=1#frag');
for (const o of [undefined, {}, { auth: false }, { fragment: false }, { search: false }, { unicode: true },
  { auth: 0, fragment: '', search: null, unicode: 1 }]) {
  console.log(JSON.stringify(o), url.format(u, o));
}
for (const bad of [null, 1, 'x']) {
  try { url.format(u, bad); console.log('ok'); } catch (e) { console.log(e.code, e.message); }
}
console.log(url.format(new URL('http://[::1]/\u00e9'), { unicode: true }), url.format(new URL('http://bücher.de/'), { unicode: true }));
