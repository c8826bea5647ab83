// Directory packages: package.json main (file, dir, no extension,
// missing main falling back to index), index.js, index.json, scopes.
const path = require('path');
const rel = (p) => path.relative(__dirname, p);
for (const id of ['pkg-main', 'pkg-main-dir', 'pkg-main-noext', 'pkg-index', 'pkg-index-json', '@scope/pkg', '@scope/pkg/extra', 'pkg-main/index']) {
  console.log(id, '->', JSON.stringify(require('./fixtures/node_modules/' + id)), rel(require.resolve('./fixtures/node_modules/' + id)));
}
