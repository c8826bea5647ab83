// node_modules, "exports" conditions and patterns, "imports", scoped
// packages, the nearest node_modules first.
const path = require('path');
const rel = (p) => path.relative(__dirname, p);
const req = require('module').createRequire(path.join(__dirname, 'fixtures/cjs/x.js'));
console.log(req('plain'));
console.log(req('./sub/uses-plain'));
console.log(req('withexports'));
console.log(req('withexports/feature/one'));
console.log(rel(req.resolve('withexports/package.json')));
for (const id of ['withexports/feature/private/p', 'withexports/dist/cjs.js', 'withexports/nope']) {
  try {
    req(id);
  } catch (e) {
    console.log(e.code, e.message.replace(__dirname, '<dir>'));
  }
}
console.log(req('@scope/pkg').scoped);
console.log(req('#util'), req('#dep'), req('#feat/x'));
try {
  req('#missing');
} catch (e) {
  console.log(e.code);
}
