// package.json "imports": #name, #patterns/*, conditions, bare targets,
// unknown names and missing targets.
const { createRequire } = require('module');
const req = createRequire(__dirname + '/fixtures/index.js');
const r = req('pkg-imports');
console.log(r.dep, '|', r.inner, '|', r.cond, '|', r.external);
console.log(r.nope[0], r.nope[1].replace(__dirname, '.'));
console.log(r.missing);
try { require('#dep'); } catch (e) { console.log('outside the package:', e.code); }
