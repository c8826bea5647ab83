// The seed's CommonJS module samples: module.exports, exports with
// conditions (require wins for CJS), blocked internals, the cache and
// require.resolve.
const path = require('path');
const rel = (p) => path.relative(__dirname, p);
const { greet } = require('./fixtures/greet-module');
console.log(greet('nodec'));
const fs = require('node:path'); // always the built-in
console.log(typeof fs.join);
const { createRequire } = require('module');
const req = createRequire(path.join(__dirname, 'fixtures', 'app.js'));
console.log(req('my-pkg'), rel(req.resolve('my-pkg')));
console.log(req('my-pkg/package.json').version);
try { req('my-pkg/internal/secret'); } catch (e) { console.log(e.code); }
console.log(req('express')(), rel(req.resolve('express')));
console.log(req('express') === req('express'));
globalThis.configLoads = 0;
const first = require('./fixtures/config');
delete require.cache[require.resolve('./fixtures/config')]; // force reload
const fresh = require('./fixtures/config');
console.log(first.loadedAt, fresh.loadedAt, first === fresh);
console.log(Object.keys(require.cache).map(rel).filter((k) => k.includes('config')));
