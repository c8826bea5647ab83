// JSON modules are shared objects; directories resolve through
// package.json main, then index; trailing slashes mean a directory.
const a = require('./fixtures/cjs/data.json');
a.answer = 43;
console.log(require('./fixtures/cjs/data.json').answer);
console.log(require('./fixtures/cjs/dir-index/'), require('./fixtures/cjs/pkg-main/'));
try {
  require('./fixtures/cjs/util.js/');
} catch (e) {
  console.log(e.code);
}
console.log(require('./fixtures/cjs/dir-index/index'), require('./fixtures/cjs/dir-index/index.js'));
const m = require('module');
console.log(m.builtinModules.includes('events'), m.builtinModules.includes('internal/errors'));
console.log(Object.keys(require('./fixtures/cjs/a')).join(','));
