// Core modules win over files; node: prefix; builtinModules; isBuiltin.
const m = require('module');
console.log(require('path') === require('node:path'), require('events') === require('node:events'));
console.log(m.builtinModules.includes('events'), m.builtinModules.includes('node:events'), m.builtinModules.includes('path'), Array.isArray(m.builtinModules));
for (const n of ['events', 'node:events', 'test', 'util/types', 'path/posix', 'node:nope', 'nope', 'timers/promises', 'internal/errors']) {
  console.log(n, m.isBuiltin(n));
}
try { require('node:nope'); } catch (e) { console.log(e.code, e.message); }
try { require('internal/errors'); } catch (e) { console.log(e.code); }
console.log(typeof require('util').inspect, require('path/posix') === require('path').posix);
console.log(require('util/types') === require('util').types, require('path/win32') === require('path').win32);
