// timers - setTimeout, setInterval, setImmediate and their clears.
'use strict';

const {
  Timeout, Immediate, clearTimeout, clearImmediate, validateCallback,
} = require('internal/timers');

function setTimeout(callback, after, ...args) {
  validateCallback(callback);
  return new Timeout(callback, after, args.length ? args : undefined,
    false, true);
}

function setInterval(callback, repeat, ...args) {
  validateCallback(callback);
  return new Timeout(callback, repeat, args.length ? args : undefined,
    true, true);
}

function setImmediate(callback, ...args) {
  validateCallback(callback);
  return new Immediate(callback, args.length ? args : undefined);
}

module.exports = {
  setTimeout,
  clearTimeout,
  setInterval,
  clearInterval: clearTimeout,
  setImmediate,
  clearImmediate,
};
Object.defineProperty(module.exports, 'promises', {
  configurable: true, enumerable: true,
  get() {
    return require('timers/promises');
  },
});
