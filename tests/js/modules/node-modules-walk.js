// Bare names search node_modules upwards; nested node_modules win.
const path = require('path');
process.chdir('/');
const rel = (p) => path.relative(__dirname, p);
const nested = require('./fixtures/node_modules/pkg-nested');
console.log(nested.mine, rel(nested.path));
const { createRequire } = require('module');
const fromFixtures = createRequire(path.join(__dirname, 'fixtures', 'x.js'));
console.log(fromFixtures('dep'), rel(fromFixtures.resolve('dep')));
console.log(fromFixtures('@scope/pkg'));
try { require('dep'); } catch (e) { console.log(e.code); }
console.log(module.paths.slice(0, 2).map(rel));
console.log(module.paths[module.paths.length - 1]);
