// structuredClone: arrays with holes, extra properties, lengths.
const util = require('util');
const holes = [1, , 3];
const h = structuredClone(holes);
console.log(util.inspect(h), h.length, 1 in h);
const extra = [1, 2];
extra.prop = 'x';
extra[Symbol('q')] = 1;
console.log(util.inspect(structuredClone(extra)));
const sparse = [];
sparse[5] = 'five';
const sp = structuredClone(sparse);
console.log(util.inspect(sp), sp.length);
const long = new Array(3);
console.log(util.inspect(structuredClone(long)), structuredClone(long).length);
class MyArray extends Array {}
const ma = MyArray.from([1, 2]);
const mac = structuredClone(ma);
console.log(util.inspect(mac), mac instanceof MyArray, Array.isArray(mac));
console.log(util.inspect(structuredClone([[1, [2, [3]]], { a: [] }])));
const self = [1];
self.push(self);
const sc = structuredClone(self);
console.log(sc[1] === sc, sc[0]);
