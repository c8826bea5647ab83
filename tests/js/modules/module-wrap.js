// Module.wrap and Module.wrapper as in Node; _nodeModulePaths; _resolveFilename.
const Module = require('module');
console.log(Module.wrap('code'));
console.log(Module.wrapper);
console.log(Module._nodeModulePaths('/a/b/node_modules/c'));
console.log(require('path').relative(__dirname, Module._resolveFilename('./fixtures/data.json', module)));
console.log(typeof Module._load, typeof Module.prototype.require, Module.Module === Module);
