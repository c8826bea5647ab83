'use strict';
// Runs under `node --expose-internals`: builds every error code lib/ defines
// with sample arguments, through ours and through Node's internal/errors,
// and prints both renderings as JSON.
const nodeErrors = require('internal/errors');
const { createLoader } = require('./loader');
const ours = createLoader()('internal/errors');

const samples = [
  [], ['a'], ['a', 'b'], ['a', 'b', 'c'], ['a', 'b', 'c', 'd'], [5], ['x', 5], ['name', 70000, false], ['name', -1],
  ['/p/node_modules/x/', './sub', '/app/a.js'], ['/p/node_modules/x/', '.'], ['/p/', '.', './dist/x.js', false, '/b.js'],
  ['/p/', './k', 'dist/x.js'], ['/p/', '#imp', { a: 1 }, true], ['#spec', '/p/', '/base.js'], ['#spec', undefined, '/base.js'],
  ['/a/b.mjs', true, '/a/c.js'], ['/a/b.js', false, null], ['/a/b.js', true], ['IPv7', 'host', 80],
  ['pkg', '/base.js', 'file:///x/y.js'], ['input', 'fn', 5], ['input', 'fn', 'prop', null], ['input', 'fn', 'prop', { a: 1 }],
  [['file']], [['file', 'data']], ['file'], ['/p/lib/x.js', true, '/app/main.js', '/p/package.json'],
  ['/p/lib/x.js', false, '/app/x.js', '/p/package.json'], ['/p/lib/x.mjs', false], ['/p/lib/x.js', false, null, '/p/package.json'],
];

const out = [];
for (const code of Object.keys(ours.codes)) {
  const N = nodeErrors.codes[code];
  if (typeof N !== 'function') {
    out.push({ name: `${code} exists in Node`, ours: 'yes', node: 'no' });
    continue;
  }
  for (const args of samples) {
    let expected;
    try {
      const e = new N(...args);
      expected = JSON.stringify({ name: e.name, message: e.message, code: e.code, keys: Object.keys(e), str: String(e), header: String(e.stack).split('\n')[0] });
    } catch {
      continue; // wrong arity for Node's template: not a real use
    }
    let actual;
    try {
      const e = new ours.codes[code](...args);
      actual = JSON.stringify({ name: e.name, message: e.message, code: e.code, keys: Object.keys(e), str: String(e), header: String(e.stack).split('\n')[0] });
    } catch (err) {
      actual = `threw ${err.message}`;
    }
    out.push({ name: `${code}(${JSON.stringify(args)})`, ours: actual, node: expected });
  }
}
process.stdout.write(JSON.stringify(out));
