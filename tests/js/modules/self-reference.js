// A package can require itself by name through its exports.
const { createRequire } = require('module');
const req = createRequire(__dirname + '/fixtures/index.js');
console.log(req('pkg-self'));
