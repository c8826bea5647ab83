// querystring.stringify/encode, escape and unescape: primitives,
// arrays, nested objects, custom encoders, lone surrogates.
const qs = require('querystring');
console.log(JSON.stringify(qs.stringify({ a: [], b: 1, c: [1, 2], d: null, e: undefined, f: NaN, g: true, h: 1n, i: {}, j: -0, k: Infinity, l: 1.5e300 })));
console.log(qs.stringify('x'), qs.stringify(null), qs.stringify(5), qs.stringify([1, 2]), qs.stringify({ a: 'b c', 'é': "~!*()'" }));
console.log(qs.stringify({ a: 1, b: 2 }, ';', ':'), qs.stringify({ a: [1, 2] }, '', ''), qs.stringify({ w: 'x y' }, null, null, { encodeURIComponent: (s) => `<${s}>` }));
console.log(qs.stringify({ all: '\u0000 !"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~\u007f\u00e9\ud83d\ude00' }));
console.log(qs.encode === qs.stringify, qs.escape('a b&c=d/é'), qs.escape({ toString() { return 'o b'; } }), qs.escape(12), qs.escape(null));
try { qs.escape('\ud800'); } catch (e) { console.log(e.name, e.code, e.message); }
try { qs.stringify({ a: '\udc00' }); } catch (e) { console.log(e.name, e.code, e.message); }
for (const s of ['%41%42', '%zz%41+', 'a+b', '%E9', '%C3%A9', '%', '%%41', '%F0%9F%98%80', '%ED%A0%80']) {
  console.log(JSON.stringify(s), JSON.stringify(qs.unescape(s)), JSON.stringify(qs.unescape(s, true)));
}
const round = { key: 'value with spaces & symbols = ?', list: ['1', '2'], 'ü': 'ß' };
console.log(qs.stringify(round), JSON.stringify(qs.parse(qs.stringify(round))));
