const r = require('./fixtures/requires-esm.cjs');
console.log(r.same, Object.keys(r.ns), r.ns.count, r.ns.increment(), r.ns.count);
console.log(r.forms.default(), r.forms.c, Object.prototype.toString.call(r.ns));
console.log(require('./fixtures/requires-tla.cjs'));
const m = require('./fixtures/typed-module/mod.js');
console.log(m.kind, m.hasRequire);
console.log(require('esm-only').esmOnly, require('esm-only').default());
