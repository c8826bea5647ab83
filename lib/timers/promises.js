// timers/promises - setTimeout, setImmediate and setInterval as promises
// and an async iterator, with `ref` and AbortSignal support.
'use strict';

const timers = require('timers');

// Node's AbortError, its cause the signal's reason (a DOMException
// AbortError unless abort() was given one).
function abortError(signal) {
  const { AbortError } = require('internal/errors');
  return new AbortError(undefined, { cause: signal.reason });
}

function checkOptions(options) {
  if (options === undefined) return {};
  const { codes } = require('internal/errors');
  if (options === null || typeof options !== 'object') {
    throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  const { signal, ref } = options;
  if (signal !== undefined &&
      (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw new codes.ERR_INVALID_ARG_TYPE('options.signal', 'AbortSignal', signal);
  }
  if (ref !== undefined && typeof ref !== 'boolean') {
    throw new codes.ERR_INVALID_ARG_TYPE('options.ref', 'boolean', ref);
  }
  return options;
}

function later(schedule, clear, value, options) {
  let opts;
  try {
    opts = checkOptions(options);
  } catch (e) {
    return Promise.reject(e);
  }
  const { signal, ref = true } = opts;
  if (signal && signal.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    let onAbort;
    const handle = schedule(() => {
      if (signal && onAbort) signal.removeEventListener('abort', onAbort);
      resolve(value);
    });
    if (!ref && handle.unref) handle.unref();
    if (signal) {
      onAbort = () => {
        clear(handle);
        reject(abortError(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
    }
  });
}

function setTimeout(delay, value, options) {
  return later((fn) => timers.setTimeout(fn, delay), timers.clearTimeout,
    value, options);
}

function setImmediate(value, options) {
  return later((fn) => timers.setImmediate(fn), timers.clearImmediate,
    value, options);
}

// An async iterator that yields `value` every `delay` ms; ticks that
// come while nobody awaits are counted, not lost.
async function* setInterval(delay, value, options) {
  const { signal, ref = true } = checkOptions(options);
  if (signal && signal.aborted) throw abortError(signal);
  let pending = 0;
  let wake = null;
  let aborted = false;
  const interval = timers.setInterval(() => {
    pending++;
    if (wake) {
      wake();
      wake = null;
    }
  }, delay);
  if (!ref) interval.unref();
  const onAbort = () => {
    aborted = true;
    if (wake) {
      wake();
      wake = null;
    }
  };
  if (signal) signal.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      if (pending === 0 && !aborted) {
        await new Promise((resolve) => {
          wake = resolve;
        });
      }
      if (aborted) throw abortError(signal);
      pending--;
      yield value;
    }
  } finally {
    timers.clearInterval(interval);
    if (signal) signal.removeEventListener('abort', onAbort);
  }
}

const scheduler = {
  wait: (delay, options) => setTimeout(delay, undefined, options),
  yield: () => setImmediate(),
};

module.exports = { setTimeout, setImmediate, setInterval, scheduler };
