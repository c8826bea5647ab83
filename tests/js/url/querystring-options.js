// querystring options: multi-character separators, empty and unusual
// sep/eq, maxKeys of every sign, decoders that throw or return non-strings.
const qs = require('querystring');
const p = (...a) => console.log(qs.parse(...a));
p('a=1&b=2', '', '');
p('a=1&b=2', undefined, undefined);
p('a==1,,b==2', ',,', '==');
p('a1b2c', 'b', '1');
p('a=1&b=2&c=3&d=4', '&', '=', { maxKeys: 3 });
p('a=1&b=2', '&', '=', { maxKeys: '1' });
p('a=1&b=2', '&', '=', { maxKeys: NaN });
p('a=1&b=2', '&', '=', { maxKeys: 1.5 });
p('a=x&b=y', '&', '=', { decodeURIComponent: (s) => s.length });
p('a=x', '&', '=', { decodeURIComponent: () => undefined });
p('%41=%42', '&', '=', { decodeURIComponent: unescape });
p('a=1', 5, 6);
p('a5b6c', 5, 6);
console.log(qs.stringify({ a: 1, b: 2 }, '', ''), qs.stringify({ a: 1, b: 2 }, '&&', '=>'), qs.stringify({ a: 1 }, null, null, { encodeURIComponent: null }));
console.log(qs.stringify({ a: 'x y' }, '&', '=', { encodeURIComponent: encodeURI }), qs.stringify({ a: 1 }, 0, 0));
