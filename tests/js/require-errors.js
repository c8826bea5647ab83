// MODULE_NOT_FOUND with the require stack, failed modules not cached,
// JSON syntax errors, and require of a built-in with node:.
const path = require('path');
try {
  require('./fixtures/cjs/nope');
} catch (e) {
  console.log(e.code, e.message.split('\n')[0], e.requireStack.map((p) => path.basename(p)));
}
try {
  require('no-such-package-anywhere');
} catch (e) {
  console.log(e.code);
}
for (let i = 0; i < 2; i++) {
  try {
    require('./fixtures/cjs/throws');
  } catch (e) {
    console.log('attempt', i, e.message);
  }
}
try {
  require('node:nonexistent');
} catch (e) {
  console.log(e.code, e.message);
}
try {
  require('');
} catch (e) {
  console.log(e.code);
}
const m = require('module');
console.log(m.isBuiltin('events'), m.isBuiltin('node:path'), m.isBuiltin('nope'));
console.log(typeof m.createRequire, Array.isArray(m.builtinModules));
