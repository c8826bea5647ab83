// require.cache: keyed by filename, deletable to reload, shared.
const path = require('path');
const file = require.resolve('./fixtures/node_modules/pkg-counter');
const a = require('./fixtures/node_modules/pkg-counter');
const b = require('./fixtures/node_modules/pkg-counter');
console.log(a === b, a.loads, file in require.cache);
delete require.cache[file];
const c = require('./fixtures/node_modules/pkg-counter');
console.log(c === a, c.loads);
console.log(require.cache === require('module')._cache, require.cache[__filename].id);
require.cache[path.join(__dirname, 'virtual.js')] = { exports: 'from cache', loaded: true, id: 'v' };
try { console.log(require('./virtual.js')); } catch (e) { console.log('resolution comes first:', e.code); }
require.cache[require.resolve('./fixtures/data.json')] = { exports: 'replaced in cache', loaded: true, id: 'd' };
console.log(require('./fixtures/data.json'));
console.log(Object.keys(require.cache).filter((k) => k.includes('pkg-counter')).length);
