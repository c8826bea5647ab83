// console - the global console, writing to process.stdout and stderr.
'use strict';

const { formatWithOptions, inspect } = require('util');

const counts = new Map();
const timers = new Map();
let groupIndent = '';

function out(stream, args) {
  let text = formatWithOptions({}, ...args);
  if (groupIndent !== '') text = groupIndent + text.split('\n').join(`\n${groupIndent}`);
  process[stream].write(text + '\n');
}

const console = {
  log: (...args) => out('stdout', args),
  info: (...args) => out('stdout', args),
  debug: (...args) => out('stdout', args),
  warn: (...args) => out('stderr', args),
  error: (...args) => out('stderr', args),
  trace: (...args) => {
    const err = new Error(formatWithOptions({}, ...args));
    err.name = 'Trace';
    out('stderr', [require('internal/errors/stack').v8Stack(err)]);
  },
  dir: (obj, options) => out('stdout', [inspect(obj, { customInspect: false, ...options })]),
  assert: (value, ...args) => {
    if (!value) {
      args[0] = `Assertion failed${args.length === 0 ? '' : `: ${args[0]}`}`;
      out('stderr', args);
    }
  },
  count: (label = 'default') => {
    label = `${label}`;
    const n = (counts.get(label) || 0) + 1;
    counts.set(label, n);
    out('stdout', [`${label}: ${n}`]);
  },
  countReset: (label = 'default') => {
    counts.delete(`${label}`);
  },
  group: (...args) => {
    if (args.length > 0) out('stdout', args);
    groupIndent += '  ';
  },
  groupEnd: () => {
    groupIndent = groupIndent.slice(0, -2);
  },
  time: (label = 'default') => {
    timers.set(`${label}`, process.hrtime.bigint());
  },
  timeEnd: (label = 'default') => {
    console.timeLog(label);
    timers.delete(`${label}`);
  },
  timeLog: (label = 'default', ...data) => {
    const start = timers.get(`${label}`);
    if (start === undefined) return;
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    out('stdout', [`${label}: ${ms.toFixed(3)}ms`, ...data]);
  },
};
console.groupCollapsed = console.group;

module.exports = console;
