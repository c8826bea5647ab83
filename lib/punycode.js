// node:punycode - deprecated (DEP0040) in favour of userland packages.  In
// Node 20 the deprecation is documentation-only: requiring it prints no
// warning.  The algorithm lives in internal/punycode, which the URL host
// parser uses.
'use strict';

module.exports = require('internal/punycode');
