'use strict';
// Differential tests for lib/*.js: every case runs against our module
// (loaded through a stand-in for nodec's loader) and against Node's real
// module, and the outputs must be identical.
//
//   node tests/jslib/run.js [section...]
//
// Prints each mismatch with both outputs and exits non-zero if any.
const path = require('node:path');
const fs = require('node:fs');
const { createLoader } = require('./loader');

const ours = createLoader();
const sections = fs.readdirSync(path.join(__dirname, 'cases'))
  .filter((f) => f.endsWith('.js')).sort();
const only = process.argv.slice(2);

let total = 0;
let failed = 0;
const counts = {};

function show(v) {
  return typeof v === 'string' ? v : require('node:util').inspect(v, { depth: 6 });
}

// check(name, fn): fn(impl) runs with impl = 'ours' | 'node' and returns a
// value (compared as strings via JSON/inspect); thrown errors are captured
// as `throws <name> [<code>]: <message>`.
function makeChecker(section) {
  return function check(name, fn) {
    total++;
    counts[section] = (counts[section] || 0) + 1;
    const run = (which) => {
      try {
        return show(fn(which));
      } catch (e) {
        return `throws ${e && e.name} [${e && e.code}]: ${e && e.message}`;
      }
    };
    const a = run('ours');
    const b = run('node');
    if (a !== b) {
      failed++;
      const cut = (x) => { const j = JSON.stringify(x); return j.length > 1500 ? j.slice(0, 1500) + '...' : j; };
      console.log(`--- ${section}: ${name}\n  ours: ${cut(a)}\n  node: ${cut(b)}`);
    }
  };
}

const pending = [];
for (const file of sections) {
  const section = file.replace(/\.js$/, '');
  if (only.length && !only.includes(section)) continue;
  const mod = require(path.join(__dirname, 'cases', file));
  const r = mod({ check: makeChecker(section), ours, counts });
  if (r && typeof r.then === 'function') pending.push(r);
}

// A case that never settles would let the loop drain silently: fail loudly.
const guard = setTimeout(() => {
  console.log('harness: an async section never finished');
  process.exit(2);
}, 30000);
process.on('beforeExit', () => {
  if (!finished) {
    console.log('harness: an async section never settled');
    process.exitCode = 2;
  }
});
let finished = false;
Promise.all(pending).then(() => {
  finished = true;
  clearTimeout(guard);
  for (const [s, n] of Object.entries(counts)) console.log(`${s}: ${n} cases`);
  console.log(`total: ${total}, failed: ${failed}`);
  process.exitCode = failed ? 1 : 0;
});
