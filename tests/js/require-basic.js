// CommonJS resolution and loading, against fixtures/cjs.
const path = require('path');
const rel = (p) => path.relative(__dirname, p);
const a = require('./fixtures/cjs/a');
console.log(a.name, a.fromB, a.done);
console.log(require('./fixtures/cjs/b').sawAEarly);
console.log(require('./fixtures/cjs/data.json'));
console.log(require('./fixtures/cjs/data').answer);
console.log(require('./fixtures/cjs/dir-index'));
console.log(require('./fixtures/cjs/pkg-main'));
console.log(rel(require.resolve('./fixtures/cjs/pkg-main')));
console.log(require('./fixtures/cjs/a') === a, require.cache[require.resolve('./fixtures/cjs/a')].exports === a);
console.log(typeof require.main, require.main === module, module.id);
console.log(path.basename(__filename), rel(__dirname) === '');
console.log(require('path') === require('node:path'));
