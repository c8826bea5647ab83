// module - node:module: Module, createRequire, builtinModules, isBuiltin.
'use strict';

module.exports = require('internal/modules/cjs').Module;
