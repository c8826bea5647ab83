// Proxies print their target (showProxy off) and as Proxy with showProxy.
const { inspect } = require('util');
const p = new Proxy({ a: 1 }, {});
console.log(inspect(p));
console.log(inspect(new Proxy([1, 2], {})));
