// The module cache: deleting an entry reloads; exports vs module.exports;
// module metadata; shebang lines; JSON syntax errors; require.resolve.paths.
const path = require('path');
const first = require('./fixtures/cjs2/counter');
const again = require('./fixtures/cjs2/counter');
console.log(first.count, again.count, first === again);
delete require.cache[require.resolve('./fixtures/cjs2/counter')];
console.log(require('./fixtures/cjs2/counter').count);
console.log(require('./fixtures/cjs2/replaced'), require('./fixtures/cjs2/exports-only'));
console.log(require('./fixtures/cjs2/meta'));
console.log(require('./fixtures/cjs2/shebang'));
try {
  require('./fixtures/cjs2/broken.json');
} catch (e) {
  console.log(e.name, e.message.startsWith(path.join(__dirname, 'fixtures/cjs2/broken.json') + ':'));
}
const paths = require.resolve.paths('some-pkg');
console.log(paths[0] === path.join(__dirname, 'node_modules'), paths.includes('/node_modules'));
console.log(require.resolve.paths('path'), require.resolve.paths('./x')[0] === __dirname);
console.log(path.relative(__dirname, require.resolve('plain', { paths: [path.join(__dirname, 'fixtures/cjs/sub')] })));
console.log(module.children.length > 0, module.loaded, typeof module.paths);
console.log(Object.keys(require.cache).some((k) => k.endsWith('require-cache.js')));
