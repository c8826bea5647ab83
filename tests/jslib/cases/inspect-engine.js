'use strict';
// inspect paths that need engine natives (promise state, iterator and weak
// collection previews, proxies): checked in a child process that wires
// V8's natives into our hooks.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

module.exports = ({ check }) => {
  const r = spawnSync(process.execPath, ['--expose-internals', path.join(__dirname, '..', 'engine-hooks-child.js')], { encoding: 'utf8' });
  let results;
  try {
    results = JSON.parse(r.stdout);
  } catch {
    check('engine hooks child ran', () => r.stderr);
    return;
  }
  for (const { name, ours, node } of results) check(`engine ${name}`, (w) => (w === 'ours' ? ours : node));
};
