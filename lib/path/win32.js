// path/win32 - node:path/win32, the win32 half of node:path.
'use strict';

module.exports = require('path').win32;
