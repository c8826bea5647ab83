// internal/web/abort_controller - AbortController and AbortSignal.
//
// A signal aborts once: it records its reason, dispatches a trusted
// 'abort' event, then aborts the signals made from it by AbortSignal.any()
// (so those are still unaborted while its own listeners run, as in
// Node 20).  AbortSignal.timeout() uses an unref'd timer: a pending
// timeout signal never keeps the process alive.
//
// A source signal holds the signals made from it by any() only weakly, so
// a long-lived source (a server's shutdown signal) combined per request
// does not keep every combination alive; a combined signal is held
// strongly only while it has 'abort' listeners and can still abort.
'use strict';

const {
  EventTarget, trustedEvent, defineEventHandler, kNewListener, kRemoveListener,
} = require('internal/web/event_target');

const persistent = new Set();
const dependantsCleanup = new FinalizationRegistry(({ set, ref }) => set.delete(ref));

function codes() {
  return require('internal/errors').codes;
}

function domException(message, name) {
  const DOMException = require('internal/web/domexception');
  return new DOMException(message, name);
}

// Only code in this file may construct signals.
let constructing = false;

class AbortSignal extends EventTarget {
  #aborted = false;
  #reason = undefined;
  #dependants = undefined; // WeakRefs to the signals any() made from this one
  #composite = false;

  constructor() {
    if (!constructing) throw new (codes().ERR_ILLEGAL_CONSTRUCTOR)();
    constructing = false;
    super();
  }

  get aborted() {
    if (!(Object(this) === this && #aborted in this)) throw new (codes().ERR_INVALID_THIS)('AbortSignal');
    return this.#aborted;
  }

  get reason() {
    if (!(Object(this) === this && #aborted in this)) throw new (codes().ERR_INVALID_THIS)('AbortSignal');
    return this.#reason;
  }

  throwIfAborted() {
    if (!(Object(this) === this && #aborted in this)) throw new (codes().ERR_INVALID_THIS)('AbortSignal');
    if (this.#aborted) throw this.#reason;
  }

  static abort(reason = domException('This operation was aborted', 'AbortError')) {
    const signal = createSignal();
    signal.#aborted = true;
    signal.#reason = reason;
    return signal;
  }

  static timeout(delay) {
    if (typeof delay !== 'number') {
      throw new (codes().ERR_INVALID_ARG_TYPE)('delay', 'number', delay);
    }
    if (!Number.isInteger(delay)) {
      throw new (codes().ERR_OUT_OF_RANGE)('delay', 'an integer', delay);
    }
    if (delay < 0 || delay > 4294967295) {
      throw new (codes().ERR_OUT_OF_RANGE)('delay', '>= 0 && <= 4294967295', delay);
    }
    const signal = createSignal();
    const timer = require('timers').setTimeout(() => {
      abortSignal(signal,
        domException('The operation was aborted due to timeout', 'TimeoutError'));
    }, delay);
    timer.unref();
    return signal;
  }

  static any(signals) {
    if (!Array.isArray(signals)) {
      throw new (codes().ERR_INVALID_ARG_TYPE)('signals', 'Array', signals);
    }
    signals.forEach((s, i) => {
      if (!(s instanceof AbortSignal)) {
        throw new (codes().ERR_INVALID_ARG_TYPE)(`signals[${i}]`, 'AbortSignal', s);
      }
    });
    const result = createSignal();
    for (const source of signals) {
      if (source.#aborted) {
        result.#aborted = true;
        result.#reason = source.#reason;
        return result;
      }
    }
    result.#composite = true;
    const ref = new WeakRef(result);
    for (const source of signals) {
      const set = (source.#dependants ||= new Set());
      set.add(ref);
      dependantsCleanup.register(result, { set, ref });
    }
    return result;
  }

  static abortNow(signal, reason) {
    if (signal.#aborted) return;
    signal.#aborted = true;
    signal.#reason = reason;
    signal.dispatchEvent(trustedEvent('abort'));
    persistent.delete(signal);
    const dependants = signal.#dependants;
    signal.#dependants = undefined;
    if (dependants !== undefined) {
      for (const ref of dependants) {
        const d = ref.deref();
        if (d !== undefined) abortSignal(d, reason);
      }
    }
  }

  [kNewListener](size, type) {
    if (type === 'abort' && this.#composite && !this.#aborted) persistent.add(this);
  }

  [kRemoveListener](size, type) {
    if (type === 'abort' && size === 0) persistent.delete(this);
  }

  static isSignal(value) {
    return value !== null && typeof value === 'object' && #aborted in value;
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    return customInspect(this, { aborted: this.#aborted }, depth, options, inspect);
  }
}

const abortSignal = AbortSignal.abortNow;
const isAbortSignal = AbortSignal.isSignal;
delete AbortSignal.abortNow;
delete AbortSignal.isSignal;

function createSignal() {
  constructing = true;
  try {
    return new AbortSignal();
  } finally {
    constructing = false;
  }
}

// Past the depth limit these print as the object itself, formatted
// without this hook (`AbortController {}`, `[AbortSignal]`), as in Node.
function customInspect(self, fields, depth, options, inspect) {
  if (depth < 0) return self;
  const opts = Object.assign({}, options, {
    depth: options.depth === null ? null : options.depth - 1,
  });
  return `${self.constructor.name} ${inspect(fields, opts)}`;
}

for (const key of ['aborted']) {
  Object.defineProperty(AbortSignal.prototype, key, { enumerable: true });
}
defineEventHandler(AbortSignal.prototype, 'abort');
Object.defineProperty(AbortSignal.prototype, Symbol.toStringTag, {
  value: 'AbortSignal', writable: false, enumerable: false, configurable: true,
});

class AbortController {
  #signal;

  constructor() {
    // Nothing here: the signal is made when first asked for.
  }

  get signal() {
    if (!(Object(this) === this && #signal in this)) throw new (codes().ERR_INVALID_THIS)('AbortController');
    return (this.#signal ??= createSignal());
  }

  abort(reason = domException('This operation was aborted', 'AbortError')) {
    if (!(Object(this) === this && #signal in this)) throw new (codes().ERR_INVALID_THIS)('AbortController');
    abortSignal(this.#signal ??= createSignal(), reason);
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    return customInspect(this, { signal: this.signal }, depth, options, inspect);
  }
}
for (const key of ['signal', 'abort']) {
  Object.defineProperty(AbortController.prototype, key, { enumerable: true });
}
Object.defineProperty(AbortController.prototype, Symbol.toStringTag, {
  value: 'AbortController', writable: false, enumerable: false, configurable: true,
});

module.exports = { AbortController, AbortSignal, abortSignal, isAbortSignal };
