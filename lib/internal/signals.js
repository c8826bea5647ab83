// internal/signals - signal names and numbers (Linux).
'use strict';

const names = ['', 'SIGHUP', 'SIGINT', 'SIGQUIT', 'SIGILL', 'SIGTRAP',
  'SIGABRT', 'SIGBUS', 'SIGFPE', 'SIGKILL', 'SIGUSR1', 'SIGSEGV', 'SIGUSR2',
  'SIGPIPE', 'SIGALRM', 'SIGTERM', 'SIGSTKFLT', 'SIGCHLD', 'SIGCONT',
  'SIGSTOP', 'SIGTSTP', 'SIGTTIN', 'SIGTTOU', 'SIGURG', 'SIGXCPU', 'SIGXFSZ',
  'SIGVTALRM', 'SIGPROF', 'SIGWINCH', 'SIGIO', 'SIGPWR', 'SIGSYS'];
const numbers = Object.create(null);
names.forEach((n, i) => { if (n) numbers[n] = i; });
numbers.SIGIOT = 6;
numbers.SIGPOLL = 29;

function toNumber(name) {
  const n = numbers[name];
  if (n === undefined) {
    const err = new TypeError(`Unknown signal: ${name}`);
    err.code = 'ERR_UNKNOWN_SIGNAL';
    throw err;
  }
  return n;
}

module.exports = {
  isSignal: (name) => numbers[name] !== undefined,
  toNumber,
  toName: (n) => names[n] || `SIG${n}`,
  constants: numbers,
};
