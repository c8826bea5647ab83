// The seed's module notes: core modules win first; node: prefix.
const path1 = require('path');
const path2 = require('node:path');
console.log(path1 === path2, typeof path1.join);
console.log(require.resolve('path'), require.resolve('node:events'));
console.log(require('module').isBuiltin('node:path'));
