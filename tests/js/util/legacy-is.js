// Legacy util.is* helpers and misc exports.
const util = require('util');
console.log(util.isArray([]), util.isDeepStrictEqual === require('util').isDeepStrictEqual);
console.log(typeof util.types, typeof util.toUSVString);
console.log(util.toUSVString('a\ud800b'), util.inspect.defaultOptions.depth);
console.log(typeof util.getSystemErrorName === 'function' ? util.getSystemErrorName(-2) : 'n/a');
console.log(typeof util.aborted, typeof util.parseEnv);
