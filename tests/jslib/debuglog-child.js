'use strict';
// Child process for the debuglog case: logs through one implementation.
const { createLoader } = require('./loader');
const which = process.argv[2];
const util = which === 'ours' ? createLoader()('util') : require('node:util');
for (const set of ['foo', 'bar', 'baz', 'other', 'http']) {
  const d = util.debuglog(set);
  d('hello %s', set, { n: 1 });
  process.stderr.write(`${set} enabled=${d.enabled}\n`);
}
let got;
util.debuglog('foo', (fn) => { got = typeof fn; })('with cb');
process.stderr.write(`cb ${got}\n`);
