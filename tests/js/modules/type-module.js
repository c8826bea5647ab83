// "type": "module" packages: .cjs still loads as CommonJS.
const { createRequire } = require('module');
const req = createRequire(__dirname + '/fixtures/index.js');
console.log(req('pkg-cjs-ext'));
