// require of '.', '..', and a trailing slash.
const path = require('path');
process.chdir(__dirname);
try { require('.'); } catch (e) { console.log('dot:', e.code); }
console.log(require('./fixtures/ext-order/dir/'));
console.log(path.relative(__dirname, require.resolve('./fixtures/node_modules/pkg-index/')));
