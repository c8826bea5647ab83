// require.extensions lists .js, .json, .node; module.exports of JSON is a plain object.
console.log(Object.keys(require.extensions));
console.log(require.extensions === require('module')._extensions, typeof require.extensions['.js']);
console.log(Object.getPrototypeOf(require('./fixtures/data.json')) === Object.prototype);
