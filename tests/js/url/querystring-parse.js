// querystring.parse/decode: separators, '=' in values, repeated keys,
// '+', bad escapes, maxKeys, custom decoders and separators.
const qs = require('querystring');
const show = (...a) => console.log(JSON.stringify(a[0]), a.length > 1 ? JSON.stringify(a.slice(1).map((x) => (typeof x === 'object' && x ? Object.keys(x) : x))) : '', qs.parse(...a));
for (const s of ['a=1&b=2', 'a&&b', '=', '&', 'a=1&a=2&a=3', 'a=%zz&b=%E9', 'a+b=c+d', 'a==b', '__proto__=1&constructor=2',
  '', 'a=b=c&&=&x', 'a[]=1&a[]=2', 'a=%20%2B%26', '%E4%B8%AD=%F0%9F%98%80', '%C3%28=%80', 'a=1;b=2', 'hasOwnProperty=x',
  'a=1&A=2', 'k=' + 'v'.repeat(50), '&&&a=1&&&', 'a=%', 'a=%2', '%=%', 'toString=1&valueOf=2']) show(s);
show('a=1&b=2&c=3', null, null, { maxKeys: 2 });
show('a=1&b=2&c=3', null, null, { maxKeys: 0 });
show('a=1&b=2&c=3', null, null, { maxKeys: -1 });
show('a:1;b:2', ';', ':');
show('a=>1<>b=>2', '<>', '=>');
show('a=1&', '&&');
show('a=1&&b=2', '&&');
show('k', '&', '');
show('a=1&b=2', '&', '=', { decodeURIComponent: (s) => s.toUpperCase() });
show('a=%zz', '&', '=', { decodeURIComponent: (s) => { throw new Error(s); } });
show('a=%41', '&', '=', { decodeURIComponent: 'notfn' });
for (const v of [5, null, undefined, {}, ['a=1']]) console.log(qs.parse(v));
console.log(qs.decode === qs.parse, Object.getPrototypeOf(qs.parse('a=1')));
const many = []; for (let i = 0; i < 1200; i++) many.push(`k${i}=${i}`);
console.log(Object.keys(qs.parse(many.join('&'))).length, Object.keys(qs.parse(many.join('&'), null, null, { maxKeys: 0 })).length);
