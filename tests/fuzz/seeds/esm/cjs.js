exports.a = 1; module.exports.b = 2; Object.defineProperty(exports, "c", {}); module.exports = { d, e: f, ...require("./g") };
