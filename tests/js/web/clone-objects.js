// structuredClone: plain objects, class instances, getters, key order.
const util = require('util');
class Point {
  constructor() { this.x = 1; this.y = 2; }
  get sum() { return this.x + this.y; }
  method() {}
}
const p = structuredClone(new Point());
console.log(util.inspect(p), p instanceof Point, Object.getPrototypeOf(p) === Object.prototype);
let reads = 0;
const withGetter = { get g() { reads++; return 'got'; }, n: undefined, [Symbol('s')]: 1 };
const c = structuredClone(withGetter);
console.log(util.inspect(c), reads, Object.getOwnPropertyDescriptor(c, 'g'));
console.log(util.inspect(structuredClone({ 1: 'a', b: 'b', 0: 'z', [-1]: 'neg' })));
const hidden = Object.create({ inherited: 1 }, {
  own: { value: 2, enumerable: true },
  hidden: { value: 3, enumerable: false },
});
console.log(util.inspect(structuredClone(hidden)));
const nullProto = Object.create(null);
nullProto.a = 1;
const np = structuredClone(nullProto);
console.log(util.inspect(np), Object.getPrototypeOf(np) === Object.prototype);
const nested = { a: { b: { c: { d: [1, { e: 'deep' }] } } } };
const nc = structuredClone(nested);
console.log(JSON.stringify(nc), nc.a !== nested.a, nc.a.b.c.d !== nested.a.b.c.d);
console.log(util.inspect(structuredClone(Math)), util.inspect(structuredClone(JSON)));
console.log(util.inspect(structuredClone(new EventTarget())));
console.log(util.inspect(structuredClone(new DOMException('x', 'AbortError'))));
const proto = structuredClone(JSON.parse('{"__proto__": {"polluted": 1}, "ok": 2}'));
console.log(Object.keys(proto), Object.getPrototypeOf(proto) === Object.prototype, proto.polluted, ({}).polluted);
