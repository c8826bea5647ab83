// util.inspect and console.log of URL, URLSearchParams and their
// iterators: Node's layout, nesting, depth and line breaking.
const util = require('util');
const u = new URL('https://user:pw@example.com:8080/a/b?x=1&y=%20#h');
console.log(u);
console.log(util.inspect(u, { depth: 0 }));
console.log([new URL('http://a')]);
console.log({ nested: { u: new URL('sc:x') } });
console.log(new URLSearchParams('a=1&b=2'), new URLSearchParams());
console.log(util.inspect(new URLSearchParams('a=1'), { depth: -1 }));
console.log({ p: new URLSearchParams('k=v') });
const long = new URLSearchParams();
for (let i = 0; i < 8; i++) long.append(`key${i}`, `a fairly long value ${i}`);
console.log(long);
console.log(new URLSearchParams('a=1&b=2').keys(), new URLSearchParams('a=1&b=2').values());
const it = new URLSearchParams('a=1&b=2&c=3').entries(); it.next(); console.log(it);
console.log(util.format('%s|%j|%o', new URL('http://h/p'), new URL('http://h/p'), new URLSearchParams('q=1')));
console.log(`${new URL('http://h/x')}`, String(new URLSearchParams('a=b')), JSON.stringify({ u: new URL('http://h') }));
console.log(Object.prototype.toString.call(new URL('http://a')), Object.prototype.toString.call(new URLSearchParams()));
class MyURL extends URL {}
console.log(new MyURL('http://sub/'));
