// Probing order: exact, .js, .json, .node, then directory.
const path = require('path');
const rel = (p) => path.relative(__dirname, p);
for (const id of ['./fixtures/ext-order/thing', './fixtures/ext-order/only', './fixtures/ext-order/dir',
  './fixtures/ext-order/dir/', './fixtures/ext-order/multi.dot.name', './fixtures/ext-order/noext', './fixtures/ext-order/thing.json']) {
  console.log(id, '->', JSON.stringify(require(id)), rel(require.resolve(id)));
}
