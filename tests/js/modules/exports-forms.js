// exports vs module.exports, `this`, top-level return, shebang, sloppy mode.
console.log(require('./fixtures/exports-alias/replace'));
console.log(require('./fixtures/exports-alias/this'));
console.log(require('./fixtures/exports-alias/return'));
console.log(require('./fixtures/shebang'));
console.log(require('./fixtures/strict-check'));
console.log(typeof exports, exports === module.exports, this === module.exports);
console.log(arguments.length, typeof arguments[1]);
