'use strict';
// A tiny stand-in for nodec's built-in module loader, so lib/*.js can be
// exercised under Node. It honours the same contract as the runtime:
// each lib file is a CommonJS body wrapped as
//   (function (exports, require, module, internalBinding) { ... })
// and `require(name)` resolves `name` (optionally `node:`-prefixed) to
// lib/<name>.js. Nothing else from Node leaks into the modules.
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const LIB = path.join(__dirname, '..', '..', 'lib');

function createLoader() {
  const cache = new Map();
  function load(name) {
    if (name.startsWith('node:')) name = name.slice(5);
    if (cache.has(name)) return cache.get(name).exports;
    const file = path.join(LIB, name + '.js');
    if (!fs.existsSync(file)) {
      // Modules the runtime provides natively (fs, ...) come from Node.
      return require(name);
    }
    const module = { exports: {}, id: name };
    cache.set(name, module);
    const src = fs.readFileSync(file, 'utf8');
    const fn = vm.runInThisContext(
      '(function (exports, require, module, internalBinding) {' + src + '\n})',
      { filename: file });
    fn.call(module.exports, module.exports, load, module, () => ({}));
    return module.exports;
  }
  return load;
}

module.exports = { createLoader };
