'use strict';
// Child for the unhandled-'error' crash case: prints what Node's uncaught
// handler would print for the stack (ours via kEnhanceStackBeforeInspector,
// Node's by crashing for real).
const which = process.argv[2];
if (which === 'node') {
  const EventEmitter = require('node:events');
  class Job extends EventEmitter {}
  function fire(e) {
    e.emit('error', new Error('boom'));
  }
  fire(new Job());
} else {
  const { createLoader } = require('./loader');
  const load = createLoader();
  const EventEmitter = load('events');
  const { kEnhanceStackBeforeInspector } = load('internal/util');
  class Job extends EventEmitter {}
  function fire(e) {
    e.emit('error', new Error('boom'));
  }
  try {
    fire(new Job());
  } catch (er) {
    process.stderr.write(er[kEnhanceStackBeforeInspector]() + '\n');
  }
}
