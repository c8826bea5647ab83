// Setters, searchParams and bases after a fast-path parse: the record the
// setters change must be the one the fast path described.
'use strict';
function dump(label, u) {
  console.log(label, u.href, '|', u.protocol, u.username, u.password, u.host, u.hostname,
    JSON.stringify(u.port), u.pathname, JSON.stringify(u.search), JSON.stringify(u.hash),
    u.origin, JSON.stringify([...u.searchParams]));
}
const setters = [
  ['protocol', 'https'], ['protocol', 'ftp:'], ['protocol', 'file'], ['protocol', 'foo'],
  ['username', 'us er'], ['password', 'p@ss'], ['host', 'Other.ORG:81'], ['host', 'x:80'],
  ['hostname', '10.0.0.01'], ['hostname', '[::2]'], ['port', '8443'], ['port', ''], ['port', '80'],
  ['port', 'x1'], ['pathname', '/a b/../c'], ['pathname', ''], ['search', '?a=1&b= 2'],
  ['search', ''], ['hash', '#x y'], ['hash', ''], ['href', 'https://New.example/n?o=p#q'],
  ['href', 'sc:opaque path '], ['href', 'http://bad host/'],
];
for (const [name, value] of setters) {
  for (const input of ['http://example.com:8080/a/b?c=d&e=f#g', 'https://EXAMPLE.com/%7e/x y?q=\u00e9',
    'ws://127.1/']) {
    const u = new URL(input);
    try {
      u[name] = value;
    } catch (e) {
      console.log(name, value, e.name, e.code, e.message, e.input);
    }
    dump(`${input} ${name}=${JSON.stringify(value)}:`, u);
  }
}
// searchParams made before and after changes stay in step with the URL.
const u = new URL('http://h/p?a=1&b=2#f');
const sp = u.searchParams;
console.log(sp.get('a'), sp.get('b'), sp.toString());
sp.append('c', '3 4');
console.log(u.href, u.search);
u.search = '?z=9';
console.log(sp.toString(), [...sp].length);
u.href = 'http://h/?y=8';
console.log(sp.toString(), u.search);
sp.delete('y');
console.log(u.href, JSON.stringify(u.search));
const v = new URL('https://x.org/?q=%20+a#h');
console.log(v.searchParams.get('q'), v.href);
v.searchParams.sort();
console.log(v.href);
// Bases: an absolute fast-path input ignores a valid base but still needs
// it to be valid; relative inputs resolve against a fast-path base.
for (const [input, base] of [['http://a.com/x', 'https://b.com/y'], ['http://a.com/x', 'not a url'],
  ['/x/../y?z', 'https://B.com:443/p/q'], ['//c.org/z', 'ws://b.com/'], ['?q', 'http://b.com/p#h'],
  ['#h2', 'http://b.com/p?q#h'], ['z', 'http://b.com/a/b'], ['', 'http://b.com/a?b#c'],
  ['http:z', 'http://b.com/a/'], ['HTTP://C.com', 'http://b.com']]) {
  try {
    dump(`${input} @ ${base}:`, new URL(input, base));
  } catch (e) {
    console.log(input, base, e.name, e.code, e.input, e.base);
  }
}
console.log(URL.canParse('http://a.com/'), URL.canParse('http://a b/'), URL.canParse('x', 'http://a/'));
console.log(String(URL.parse('HTTP://A.COM:80/./x')), URL.parse('http://[::1/'));
console.log(JSON.stringify(new URL('http://a.com/?x#y')), `${new URL('ftp://a.com:21')}`);
