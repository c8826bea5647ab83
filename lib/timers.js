// timers - setTimeout, setInterval, setImmediate and their clears: the
// same function objects as the globals (defined by the bootstrap, over
// internal/timers).
'use strict';

const g = require('internal/timer_globals');

module.exports = {
  setTimeout: g.setTimeout,
  clearTimeout: g.clearTimeout,
  setInterval: g.setInterval,
  clearInterval: g.clearInterval,
  setImmediate: g.setImmediate,
  clearImmediate: g.clearImmediate,
};
Object.defineProperty(module.exports, 'promises', {
  configurable: true, enumerable: true,
  get() {
    return require('timers/promises');
  },
});
