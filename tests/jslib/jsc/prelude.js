// Runs inside a bare JavaScriptCore context (jsc-eval): a minimal loader
// with nodec's module contract and a stub `process`, then the shared cases
// of cases.js against our lib/, printed as JSON.
// __args: [libDir, casesFile, cwd]
var LIB = __args[0];
var CASES = __args[1];
var warnings = [];
globalThis.process = {
  cwd: function () { return __args[2]; },
  env: {},
  pid: 4242,
  argv: ['/usr/bin/nodec', '/app/main.js'],
  execArgv: [],
  platform: 'linux',
  noDeprecation: false,
  emitWarning: function () { warnings.push(Array.prototype.map.call(arguments, String).join('|')); },
  nextTick: function (fn) { var a = Array.prototype.slice.call(arguments, 1); Promise.resolve().then(function () { fn.apply(null, a); }); },
  stdout: { isTTY: false, write: function () {} },
  stderr: { isTTY: false, write: function () {} },
};
var cache = {};
function load(name) {
  if (name.indexOf('node:') === 0) name = name.slice(5);
  if (name === 'fs') return { readFileSync: function (p) { return __readFile(p); } };
  if (cache[name]) return cache[name].exports;
  var file = name[0] === '/' ? name : LIB + '/' + name + '.js';
  var module = { exports: {} };
  cache[name] = module;
  // The wrapper keeps the module's first line on line 1, as nodec's does.
  var fn = __compile('(function (exports, require, module, internalBinding) {' + __readFile(file) +
    '\n})', file);
  fn.call(module.exports, module.exports, load, module, function () { throw new Error('no binding'); });
  return module.exports;
}
var mods = { util: load('util'), path: load('path'), events: load('events'), assert: load('assert'), console: load('console') };
var results = load(CASES)(mods).map(function (c) {
  try {
    return [c[0], String(c[1]())];
  } catch (e) {
    return [c[0], 'throws ' + (e && e.name) + ' [' + (e && e.code) + ']: ' + (e && e.message)];
  }
});
__print(JSON.stringify(results));
