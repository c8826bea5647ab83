import def, * as ns from './fixtures/star-a.mjs';
console.log(def, ns.default, ns.shared, def === ns.default);
