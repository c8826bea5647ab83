'use strict';
// internal/errors codes against Node's own internal/errors (loaded in a
// child under --expose-internals), and the unhandled-rejection reason text
// against a real crash.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

module.exports = ({ check, ours }) => {
  const r = spawnSync(process.execPath, ['--expose-internals', path.join(__dirname, '..', 'errors-child.js')], { encoding: 'utf8' });
  let results;
  try {
    results = JSON.parse(r.stdout);
  } catch {
    check('errors child ran', (w) => (w === 'ours' ? r.stderr : ''));
    return;
  }
  for (const { name, ours: a, node: b } of results) check(name, (w) => (w === 'ours' ? a : b));

  const { UnhandledPromiseRejection } = ours('internal/errors');
  const reasons = ['5', '[1,2]', 'Symbol("s")', 'function f(){}', 'new Map()', 'Object.create(null)', '"str"', 'undefined', '1n',
    'new (class Foo{})()', '/re/g', 'new Date(0)', '({toString(){return "T"}})', '({})', 'null', 'true', 'new Set([1])', '(() => 1)'];
  for (const src of reasons) {
    const crash = spawnSync(process.execPath, ['-e', `Promise.reject(${src})`], { encoding: 'utf8' });
    const m = crash.stderr.match(/^UnhandledPromiseRejection: .*$/m);
    // eslint-disable-next-line no-eval
    const value = (0, eval)(`(${src})`);
    const e = new UnhandledPromiseRejection(value);
    check(`UnhandledPromiseRejection(${src})`, (w) => (w === 'ours' ? `${e.name}: ${e.message} ${e.code}` : `${m ? m[0] : crash.stderr} ERR_UNHANDLED_REJECTION`));
  }
};
