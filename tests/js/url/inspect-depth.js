// util.inspect of URLs and URLSearchParams at every depth, in arrays
// and objects, with breakLength and compact options.
const util = require('util');
const u = new URL('http://u:p@h:1/p?a=1&b=2#f');
for (const depth of [0, 1, 2, null]) console.log(depth, util.inspect({ deep: { u } }, { depth }));
console.log(util.inspect([u, u.searchParams], { breakLength: 200 }));
console.log(util.inspect(u.searchParams, { breakLength: 10 }));
console.log(util.inspect(new URLSearchParams('a=1&b=%20x&c=%22q%22'), { compact: false }));
console.log(util.inspect(new URLSearchParams([['k', 'v'.repeat(100)]])));
console.log(util.inspect(new URLSearchParams('x=1').entries(), { depth: 0 }));
console.log(util.inspect(new Map([['u', new URL('sc:x')]])));
console.log(util.inspect(new URLSearchParams('a=1'), { colors: true }));
