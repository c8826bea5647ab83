import('./fixtures/counter.mjs').then((ns) => {
  console.log(typeof ns.increment, ns.count, Object.keys(ns));
  return import('./fixtures/lib.cjs');
}).then((lib) => {
  console.log(lib.named, typeof lib.default);
  return require('./fixtures/cjs-dynamic.cjs');
}).then((v) => console.log(v));
const o = { import: 1, 'import': 2 };
console.log(o.import, 'no meta in cjs');
