// require.resolve with options.paths, resolve.paths, builtins.
const path = require('path');
const rel = (p) => path.relative(__dirname, p);
console.log(rel(require.resolve('./fixtures/data.json')));
console.log(rel(require.resolve('dep', { paths: [path.join(__dirname, 'fixtures')] })));
console.log(rel(require.resolve('dep', { paths: [path.join(__dirname, 'fixtures/node_modules/pkg-nested')] })));
console.log(rel(require.resolve('./data', { paths: [path.join(__dirname, 'fixtures')] })));
console.log(require.resolve('events'), require.resolve('node:path'));
console.log(require.resolve.paths('events'), require.resolve.paths('./x').map(rel));
console.log(require.resolve.paths('dep').slice(0, 2).map(rel));
try { require.resolve('dep', { paths: ['/'] }); } catch (e) { console.log(e.code); }
try { require.resolve(1); } catch (e) { console.log(e.code, e.message); }
try { require.resolve('node:nope'); } catch (e) { console.log(e.code, e.message); }
