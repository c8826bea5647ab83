// promisified methods keep `this`; extra callback args dropped.
const util = require('util');
class Store { constructor() { this.data = { k: 'v' }; } get(key, cb) { setImmediate(() => cb(null, this.data[key], 'extra')); } }
const s = new Store();
const get = util.promisify(s.get).bind(s);
get('k').then((v) => console.log(v));
util.promisify(s.get).call(s, 'k').then((v) => console.log('call', v));
