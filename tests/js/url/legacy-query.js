// url.parse with parseQueryString: query objects (null prototype, arrays
// for repeats), empty and missing queries, and the query kept as a
// string otherwise.
const url = require('url');
for (const s of ['http://h/?a=1&b=2&a=3', 'http://h/?', 'http://h/', '/p?x', '?a=%20b+c', 'http://h/?a=1#h?b=2', 'sc:x?k=v',
  '//h/p?q=1', 'http://h/?%zz=%E9', 'http://h/?__proto__=x&toString=y']) {
  const t = url.parse(s, true);
  const f = url.parse(s, false);
  console.log(JSON.stringify(s), t.query, JSON.stringify(t.search), JSON.stringify(f.query), Object.getPrototypeOf(t.query));
}
const withObj = url.parse('http://h/p?x=1', true);
withObj.search = null; withObj.query = { y: ['1', '2'], z: 'a b' };
console.log(url.format(withObj));
