// module.id, filename, loaded, parent, children, require.main.
const show = require('./fixtures/meta/show');
console.log(show);
console.log(require('./fixtures/meta/with-child'));
console.log(module.id, require.main === module, module.loaded, typeof module.parent, module.parent);
console.log(require.main.filename === __filename, require('path').basename(__filename), require('path').basename(__dirname));
setImmediate(() => console.log('loaded later', module.loaded));
console.log(module.constructor === require('module'), typeof module.require, module.require('./fixtures/data.json').name);
console.log(Object.keys(module).sort());
