// internal/streams/abort - an AbortController for the signals the stream
// functions hand to callbacks (pipeline stages, map/reduce functions):
// the global one when the runtime has it, otherwise the small subset
// they use (aborted, reason, addEventListener/removeEventListener,
// onabort).
'use strict';

class StreamAbortSignal {
  constructor() {
    this.aborted = false;
    this.reason = undefined;
    this.onabort = null;
    this.listeners = [];
  }

  addEventListener(type, fn, options) {
    if (type !== 'abort' || typeof fn !== 'function') return;
    const once = !!(options && options.once);
    this.listeners.push({ fn, once });
  }

  removeEventListener(type, fn) {
    if (type !== 'abort') return;
    this.listeners = this.listeners.filter((l) => l.fn !== fn);
  }

  throwIfAborted() {
    if (this.aborted) throw this.reason;
  }
}

class StreamAbortController {
  constructor() {
    this.signal = new StreamAbortSignal();
  }

  abort(reason) {
    const signal = this.signal;
    if (signal.aborted) return;
    signal.aborted = true;
    if (reason === undefined) {
      const { AbortError } = require('internal/errors');
      reason = new AbortError('This operation was aborted');
    }
    signal.reason = reason;
    const event = { type: 'abort', target: signal };
    const listeners = signal.listeners;
    signal.listeners = [];
    if (typeof signal.onabort === 'function') signal.onabort(event);
    for (const { fn } of listeners) fn.call(signal, event);
  }
}

function newAbortController() {
  const AC = globalThis.AbortController;
  return typeof AC === 'function' ? new AC() : new StreamAbortController();
}

module.exports = { newAbortController };
