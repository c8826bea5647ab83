// A package.json main that does not exist falls back to index.js with
// Node's DEP0128 deprecation warning.
process.on('warning', (w) => console.log(w.name, w.code, w.message.replace(__dirname, '.')));
console.log(require('./fixtures/node_modules/pkg-main-missing'));
