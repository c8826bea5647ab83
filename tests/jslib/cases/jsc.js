'use strict';
// lib/ under JavaScriptCore, the engine nodec embeds: builds a tiny C host
// (tests/jslib/jsc/jsc-eval.c) when gcc and JSC's headers are available,
// evaluates tests/jslib/jsc/cases.js there with our modules, and compares
// with the same cases under Node with Node's modules.
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const fs = require('node:fs');
const os = require('node:os');

module.exports = ({ check }) => {
  const dir = path.join(__dirname, '..', 'jsc');
  const exe = path.join(os.tmpdir(), `jslib-jsc-eval-${process.getuid ? process.getuid() : 0}`);
  const flags = spawnSync('pkg-config', ['--cflags', '--libs', 'javascriptcoregtk-4.1'], { encoding: 'utf8' });
  if (flags.status !== 0) {
    console.log('jsc: skipped (no javascriptcoregtk-4.1 development files)');
    return;
  }
  const cc = spawnSync('gcc', ['-O1', '-o', exe, path.join(dir, 'jsc-eval.c'), ...flags.stdout.trim().split(/\s+/)], { encoding: 'utf8' });
  if (cc.status !== 0) {
    check('jsc host builds', () => cc.stderr);
    return;
  }
  const lib = path.join(__dirname, '..', '..', '..', 'lib');
  const casesFile = path.join(dir, 'cases.js');
  const cwd = process.cwd();
  const r = spawnSync(exe, [path.join(dir, 'prelude.js'), lib, casesFile, cwd], { encoding: 'utf8' });
  let ours;
  try {
    ours = new Map(JSON.parse(r.stdout));
  } catch {
    check('jsc run', (w) => (w === 'ours' ? `${r.status} ${r.stderr}` : '0 '));
    return;
  }
  const nodeMods = {
    util: require('node:util'), path: require('node:path'), events: require('node:events'), assert: require('node:assert'),
    console: require('node:console'),
  };
  for (const [name, fn] of require(casesFile)(nodeMods)) {
    let expected;
    try {
      expected = String(fn());
    } catch (e) {
      expected = `throws ${e && e.name} [${e && e.code}]: ${e && e.message}`;
    }
    check(`jsc ${name}`, (w) => (w === 'ours' ? ours.get(name) : expected));
  }
  fs.rmSync(exe, { force: true });
};
