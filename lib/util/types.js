// util/types - node:util/types, the same object as util.types.
'use strict';

module.exports = require('util').types;
