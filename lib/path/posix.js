// path/posix - node:path/posix, the posix half of node:path.
'use strict';

module.exports = require('path').posix;
