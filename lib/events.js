'use strict';
// node:events — EventEmitter with Node 20's semantics and observable shape.
//
// Listeners live in `this._events`, a null-prototype object mapping an event
// name to either a single function or an array of functions (the common
// single-listener case stays an unwrapped function, as in Node; code in the
// wild reads `_events` directly, so the shape is part of the contract).
// `once` listeners are wrappers that carry the original in `.listener`.

// Errors load on first use: most programs never throw one from here.
let errorsModule;
function errors() {
  if (errorsModule === undefined) errorsModule = require('internal/errors');
  return errorsModule;
}

const { kEnhanceStackBeforeInspector } = require('internal/util');

let inspectFn;
function inspect(value, opts) {
  if (inspectFn === undefined) inspectFn = require('internal/inspect').inspect;
  return inspectFn(value, opts);
}

const kCapture = Symbol('kCapture');
const kErrorMonitor = Symbol('events.errorMonitor');
const kShapeMode = Symbol('shapeMode');
const kMaxEventTargetListeners = Symbol('events.maxEventTargetListeners');
const kMaxEventTargetListenersWarned = Symbol('events.maxEventTargetListenersWarned');
const kRejection = Symbol.for('nodejs.rejection');

let defaultMaxListeners = 10;

function validateNumber(value, name, min) {
  if (typeof value !== 'number') throw new (errors().codes.ERR_INVALID_ARG_TYPE)(name, 'number', value);
  if ((min != null && value < min) || Number.isNaN(value)) {
    throw new (errors().codes.ERR_OUT_OF_RANGE)(name, `>= ${min}`, value);
  }
}

function validateInteger(value, name, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
  if (typeof value !== 'number') throw new (errors().codes.ERR_INVALID_ARG_TYPE)(name, 'number', value);
  if (!Number.isInteger(value)) throw new (errors().codes.ERR_OUT_OF_RANGE)(name, 'an integer', value);
  if (value < min || value > max) {
    throw new (errors().codes.ERR_OUT_OF_RANGE)(name, `>= ${min} && <= ${max}`, value);
  }
}

function validateBoolean(value, name) {
  if (typeof value !== 'boolean') throw new (errors().codes.ERR_INVALID_ARG_TYPE)(name, 'boolean', value);
}

function checkListener(listener) {
  if (typeof listener !== 'function') throw new (errors().codes.ERR_INVALID_ARG_TYPE)('listener', 'Function', listener);
}

function validateAbortSignal(signal, name) {
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw new (errors().codes.ERR_INVALID_ARG_TYPE)(name, 'AbortSignal', signal);
  }
}


function nextTick(fn, ...args) {
  if (typeof process === 'object' && process !== null && typeof process.nextTick === 'function') {
    process.nextTick(fn, ...args);
  } else {
    queueMicrotask(() => fn(...args));
  }
}

function EventEmitter(opts) {
  init.call(this, opts);
}

EventEmitter.prototype._events = undefined;
EventEmitter.prototype._eventsCount = 0;
EventEmitter.prototype._maxListeners = undefined;

Object.defineProperty(EventEmitter.prototype, kCapture, {
  value: false, writable: true, enumerable: false,
});

// Sets the limit for emitters and EventTargets, or the default when no
// targets are given.
function setMaxListeners(n = defaultMaxListeners, ...eventTargets) {
  validateNumber(n, 'setMaxListeners', 0);
  if (eventTargets.length === 0) {
    defaultMaxListeners = n;
  } else {
    for (const target of eventTargets) {
      if (isEventTarget(target)) {
        target[kMaxEventTargetListeners] = n;
        target[kMaxEventTargetListenersWarned] = false;
      } else if (target !== null && typeof target === 'object' && typeof target.setMaxListeners === 'function') {
        target.setMaxListeners(n);
      } else {
        throw new (errors().codes.ERR_INVALID_ARG_TYPE)('eventTargets', ['EventEmitter', 'EventTarget'], target);
      }
    }
  }
}

function init(opts) {
  if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
    this._events = { __proto__: null };
    this._eventsCount = 0;
    this[kShapeMode] = false;
  } else {
    // Subclasses that predefine _events keep their keys (set to undefined
    // instead of deleted) so the object keeps its shape.
    this[kShapeMode] = true;
  }
  this._maxListeners = this._maxListeners || undefined;
  if (opts && opts.captureRejections) {
    validateBoolean(opts.captureRejections, 'options.captureRejections');
    this[kCapture] = Boolean(opts.captureRejections);
  } else {
    // Assigning the inherited value makes it an own property, as in Node.
    this[kCapture] = EventEmitter.prototype[kCapture];
  }
}

// With captureRejections, a listener's rejected promise becomes an 'error'
// event (or a call to the emitter's Symbol.for('nodejs.rejection') method).
function addCatch(that, promise, type, args) {
  if (!that[kCapture]) return;
  try {
    const then = promise.then;
    if (typeof then === 'function') {
      then.call(promise, undefined, function (err) {
        nextTick(emitUnhandledRejectionOrErr, that, err, type, args);
      });
    }
  } catch (err) {
    that.emit('error', err);
  }
}

function emitUnhandledRejectionOrErr(ee, err, type, args) {
  if (typeof ee[kRejection] === 'function') {
    ee[kRejection](err, type, ...args);
  } else {
    // Avoid looping if the 'error' listener itself rejects.
    const prev = ee[kCapture];
    try {
      ee[kCapture] = false;
      ee.emit('error', err);
    } finally {
      ee[kCapture] = prev;
    }
  }
}

EventEmitter.prototype.setMaxListeners = function setMaxListeners(n) {
  validateNumber(n, 'setMaxListeners', 0);
  this._maxListeners = n;
  return this;
};

function _getMaxListeners(that) {
  if (that._maxListeners === undefined) return defaultMaxListeners;
  return that._maxListeners;
}

EventEmitter.prototype.getMaxListeners = function getMaxListeners() {
  return _getMaxListeners(this);
};

EventEmitter.prototype.emit = function emit(type, ...args) {
  let doError = (type === 'error');

  const events = this._events;
  if (events !== undefined) {
    // errorMonitor listeners see errors before regular ones.
    if (doError && events[kErrorMonitor] !== undefined) this.emit(kErrorMonitor, ...args);
    doError = (doError && events.error === undefined);
  } else if (!doError) {
    return false;
  }

  if (doError) {
    // 'error' without a listener throws. The throw statements are laid out
    // as in Node's events.js, since crash reports quote the throwing line.
    let er;
    if (args.length > 0) er = args[0];
    if (er instanceof Error) {
      try {
        const capture = {};
        Error.captureStackTrace(capture, EventEmitter.prototype.emit);
        Object.defineProperty(er, kEnhanceStackBeforeInspector, {
          __proto__: null,
          value: enhanceStackTrace.bind(this, er, capture),
          configurable: true,
        });
      } catch {
        // The stack is only an improvement.
      }
      // Note: The comments on the `throw` lines are intentional, they show
      // up in Node's output.
      throw er; // Unhandled 'error' event
    }
    let stringifiedEr;
    try {
      stringifiedEr = inspect(er);
    } catch {
      stringifiedEr = er;
    }
    // At least give some kind of context to the user
    const err = new (errors().codes.ERR_UNHANDLED_ERROR)(stringifiedEr);
    err.context = er;
    throw err; // Unhandled 'error' event
  }

  const handler = events[type];
  if (handler === undefined) return false;

  if (typeof handler === 'function') {
    const result = Reflect.apply(handler, this, args);
    if (result !== undefined && result !== null) addCatch(this, result, type, args);
  } else {
    // Listeners added or removed during the emit do not affect this emit.
    const len = handler.length;
    const listeners = handler.slice();
    for (let i = 0; i < len; ++i) {
      const result = Reflect.apply(listeners[i], this, args);
      if (result !== undefined && result !== null) addCatch(this, result, type, args);
    }
  }
  return true;
};

// The stack of an unhandled 'error' plus where it was emitted, with frames
// shared with the error's own stack folded.
function enhanceStackTrace(err, own) {
  let ctorInfo = '';
  try {
    const { name } = this.constructor;
    if (name !== 'EventEmitter') ctorInfo = ` on ${name} instance`;
  } catch {
    // No usable constructor name.
  }
  const sep = `\nEmitted 'error' event${ctorInfo} at:\n`;
  const errStack = String(err.stack).split('\n').slice(1);
  const ownStack = String(own.stack).split('\n').slice(1);
  const { len, offset } = require('internal/inspect').identicalSequenceRange(ownStack, errStack);
  if (len > 0) {
    ownStack.splice(offset + 1, len - 2, '    [... lines matching original stack trace ...]');
  }
  return err.stack + sep + ownStack.join('\n');
}

function _addListener(target, type, listener, prepend) {
  let m;
  let events;
  let existing;

  checkListener(listener);

  events = target._events;
  if (events === undefined) {
    events = target._events = { __proto__: null };
    target._eventsCount = 0;
  } else {
    // 'newListener' fires before the listener is added.
    if (events.newListener !== undefined) {
      target.emit('newListener', type, listener.listener ? listener.listener : listener);
      events = target._events;
    }
    existing = events[type];
  }

  if (existing === undefined) {
    events[type] = listener;
    ++target._eventsCount;
  } else {
    if (typeof existing === 'function') {
      existing = events[type] = prepend ? [listener, existing] : [existing, listener];
    } else if (prepend) {
      existing.unshift(listener);
    } else {
      existing.push(listener);
    }

    m = _getMaxListeners(target);
    if (m > 0 && existing.length > m && !existing.warned) {
      existing.warned = true;
      const w = new Error('Possible EventEmitter memory leak detected. ' +
        `${existing.length} ${String(type)} listeners ` +
        `added to ${inspect(target, { depth: -1 })}. MaxListeners is ${m}. Use ` +
        'emitter.setMaxListeners() to increase limit');
      w.name = 'MaxListenersExceededWarning';
      w.emitter = target;
      w.type = type;
      w.count = existing.length;
      if (typeof process === 'object' && process && typeof process.emitWarning === 'function') {
        process.emitWarning(w);
      }
    }
  }
  return target;
}

EventEmitter.prototype.addListener = function addListener(type, listener) {
  return _addListener(this, type, listener, false);
};

EventEmitter.prototype.on = EventEmitter.prototype.addListener;

EventEmitter.prototype.prependListener = function prependListener(type, listener) {
  return _addListener(this, type, listener, true);
};

function onceWrapper() {
  if (!this.fired) {
    this.target.removeListener(this.type, this.wrapFn);
    this.fired = true;
    if (arguments.length === 0) return this.listener.call(this.target);
    return this.listener.apply(this.target, arguments);
  }
}

function _onceWrap(target, type, listener) {
  const state = { fired: false, wrapFn: undefined, target, type, listener };
  const wrapped = onceWrapper.bind(state);
  wrapped.listener = listener;
  state.wrapFn = wrapped;
  return wrapped;
}

EventEmitter.prototype.once = function once(type, listener) {
  checkListener(listener);
  this.on(type, _onceWrap(this, type, listener));
  return this;
};

EventEmitter.prototype.prependOnceListener = function prependOnceListener(type, listener) {
  checkListener(listener);
  this.prependListener(type, _onceWrap(this, type, listener));
  return this;
};

EventEmitter.prototype.removeListener = function removeListener(type, listener) {
  checkListener(listener);

  const events = this._events;
  if (events === undefined) return this;

  const list = events[type];
  if (list === undefined) return this;

  if (list === listener || list.listener === listener) {
    this._eventsCount -= 1;
    if (this[kShapeMode]) {
      events[type] = undefined;
    } else if (this._eventsCount === 0) {
      this._events = { __proto__: null };
    } else {
      delete events[type];
      if (events.removeListener) this.emit('removeListener', type, list.listener || listener);
    }
  } else if (typeof list !== 'function') {
    // The most recently added matching listener goes first.
    let position = -1;
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i] === listener || list[i].listener === listener) {
        position = i;
        break;
      }
    }
    if (position < 0) return this;
    if (position === 0) list.shift();
    else list.splice(position, 1);
    if (list.length === 1) events[type] = list[0];
    if (events.removeListener !== undefined) this.emit('removeListener', type, listener);
  }
  return this;
};

EventEmitter.prototype.off = EventEmitter.prototype.removeListener;

EventEmitter.prototype.removeAllListeners = function removeAllListeners(type) {
  const events = this._events;
  if (events === undefined) return this;

  // Without 'removeListener' listeners nobody watches: drop directly.
  if (events.removeListener === undefined) {
    if (arguments.length === 0) {
      this._events = { __proto__: null };
      this._eventsCount = 0;
    } else if (events[type] !== undefined) {
      if (--this._eventsCount === 0) this._events = { __proto__: null };
      else delete events[type];
    }
    this[kShapeMode] = false;
    return this;
  }

  // Otherwise remove one by one so each removal is announced, with the
  // 'removeListener' listeners themselves last.
  if (arguments.length === 0) {
    for (const key of Reflect.ownKeys(events)) {
      if (key === 'removeListener') continue;
      this.removeAllListeners(key);
    }
    this.removeAllListeners('removeListener');
    this._events = { __proto__: null };
    this._eventsCount = 0;
    this[kShapeMode] = false;
    return this;
  }

  const listeners = events[type];
  if (typeof listeners === 'function') {
    this.removeListener(type, listeners);
  } else if (listeners !== undefined) {
    // LIFO order
    for (let i = listeners.length - 1; i >= 0; i--) this.removeListener(type, listeners[i]);
  }
  return this;
};

function _listeners(target, type, unwrap) {
  const events = target._events;
  if (events === undefined) return [];
  const evlistener = events[type];
  if (evlistener === undefined) return [];
  if (typeof evlistener === 'function') return unwrap ? [evlistener.listener || evlistener] : [evlistener];
  return unwrap ? evlistener.map((l) => l.listener || l) : evlistener.slice();
}

EventEmitter.prototype.listeners = function listeners(type) {
  return _listeners(this, type, true);
};

EventEmitter.prototype.rawListeners = function rawListeners(type) {
  return _listeners(this, type, false);
};

function listenerCount(type, listener) {
  const events = this._events;
  if (events !== undefined) {
    const evlistener = events[type];
    if (typeof evlistener === 'function') {
      if (listener != null) return listener === evlistener || listener === evlistener.listener ? 1 : 0;
      return 1;
    } else if (evlistener !== undefined) {
      if (listener != null) {
        let matching = 0;
        for (const l of evlistener) if (l === listener || l.listener === listener) matching++;
        return matching;
      }
      return evlistener.length;
    }
  }
  return 0;
}

EventEmitter.prototype.listenerCount = listenerCount;

// Deprecated static form.
function staticListenerCount(emitter, type) {
  if (typeof emitter.listenerCount === 'function') return emitter.listenerCount(type);
  return listenerCount.call(emitter, type);
}

EventEmitter.prototype.eventNames = function eventNames() {
  return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : [];
};

// ---------------------------------------------------------------------------
// EventTarget interop and the promise-based helpers

function isEventTarget(obj) {
  return obj !== null && typeof obj === 'object' && typeof obj.addEventListener === 'function' &&
    typeof obj.removeEventListener === 'function' && typeof obj.dispatchEvent === 'function';
}

function eventTargetAgnosticRemoveListener(emitter, name, listener, flags) {
  if (typeof emitter.removeListener === 'function') {
    emitter.removeListener(name, listener);
  } else if (typeof emitter.removeEventListener === 'function') {
    emitter.removeEventListener(name, listener, flags);
  } else {
    throw new (errors().codes.ERR_INVALID_ARG_TYPE)('emitter', 'EventEmitter', emitter);
  }
}

function eventTargetAgnosticAddListener(emitter, name, listener, flags) {
  if (typeof emitter.on === 'function') {
    if (flags && flags.once) emitter.once(name, listener);
    else emitter.on(name, listener);
  } else if (typeof emitter.addEventListener === 'function') {
    emitter.addEventListener(name, listener, flags);
  } else {
    throw new (errors().codes.ERR_INVALID_ARG_TYPE)('emitter', 'EventEmitter', emitter);
  }
}

// Resolves with the arguments of the next `name` event; rejects on 'error'
// (unless waiting for 'error' itself) or when the signal aborts.
async function once(emitter, name, options = { __proto__: null }) {
  // Node 20 does not check the type of `options` itself.
  const signal = options?.signal;
  validateAbortSignal(signal, 'options.signal');
  if (signal && signal.aborted) throw new (errors().AbortError)(undefined, { cause: signal.reason });
  return new Promise((resolve, reject) => {
    const errorListener = (err) => {
      emitter.removeListener(name, resolver);
      if (signal != null) eventTargetAgnosticRemoveListener(signal, 'abort', abortListener);
      reject(err);
    };
    const resolver = (...args) => {
      if (typeof emitter.removeListener === 'function') emitter.removeListener('error', errorListener);
      if (signal != null) eventTargetAgnosticRemoveListener(signal, 'abort', abortListener);
      resolve(args);
    };
    eventTargetAgnosticAddListener(emitter, name, resolver, { once: true });
    if (name !== 'error' && typeof emitter.once === 'function') {
      emitter.once('error', errorListener);
    }
    function abortListener() {
      eventTargetAgnosticRemoveListener(emitter, name, resolver);
      eventTargetAgnosticRemoveListener(emitter, 'error', errorListener);
      reject(new (errors().AbortError)(undefined, { cause: signal && signal.reason }));
    }
    if (signal != null) eventTargetAgnosticAddListener(signal, 'abort', abortListener, { once: true });
  });
}

const AsyncIteratorPrototype = Object.getPrototypeOf(
  Object.getPrototypeOf(async function* () {}).prototype);

// An async iterator over `event`'s argument arrays. Events that arrive
// before they are asked for are queued; 'error' rejects the pending
// next() (or the following one); `close` event names end the iteration.
function on(emitter, event, options = { __proto__: null }) {
  // Node 20 does not check the type of `options` itself.
  const signal = options?.signal;
  validateAbortSignal(signal, 'options.signal');
  if (signal && signal.aborted) throw new (errors().AbortError)(undefined, { cause: signal.reason });
  const highWatermark = options?.highWaterMark ?? options?.highWatermark ?? Number.MAX_SAFE_INTEGER;
  validateInteger(highWatermark, 'options.highWaterMark', 1);
  const lowWatermark = options?.lowWaterMark ?? options?.lowWatermark ?? 1;
  validateInteger(lowWatermark, 'options.lowWaterMark', 1);

  const unconsumedEvents = [];
  const unconsumedPromises = [];
  let paused = false;
  let error = null;
  let finished = false;

  const iterator = Object.setPrototypeOf({
    next() {
      // First, drain queued events.
      if (unconsumedEvents.length > 0) {
        const value = unconsumedEvents.shift();
        if (paused && unconsumedEvents.length < lowWatermark && typeof emitter.resume === 'function') {
          emitter.resume();
          paused = false;
        }
        return Promise.resolve({ value, done: false });
      }
      // Then a stored error, reported once.
      if (error) {
        const p = Promise.reject(error);
        error = null;
        return p;
      }
      if (finished) return closeHandler();
      return new Promise((resolve, reject) => unconsumedPromises.push({ resolve, reject }));
    },
    return() {
      return closeHandler();
    },
    throw(err) {
      if (!err || !(err instanceof Error)) {
        throw new (errors().codes.ERR_INVALID_ARG_TYPE)('EventEmitter.AsyncIterator', 'Error', err);
      }
      errorHandler(err);
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  }, AsyncIteratorPrototype);

  eventTargetAgnosticAddListener(emitter, event, eventHandler);
  if (event !== 'error' && typeof emitter.on === 'function') emitter.on('error', errorHandler);
  const closeEvents = options?.close;
  if (closeEvents && closeEvents.length) {
    for (const name of closeEvents) eventTargetAgnosticAddListener(emitter, name, closeHandler);
  }
  if (signal) eventTargetAgnosticAddListener(signal, 'abort', abortListener, { once: true });

  return iterator;

  function abortListener() {
    errorHandler(new (errors().AbortError)(undefined, { cause: signal && signal.reason }));
  }

  function eventHandler(...args) {
    if (unconsumedPromises.length > 0) {
      unconsumedPromises.shift().resolve({ value: args, done: false });
    } else {
      unconsumedEvents.push(args);
      if (unconsumedEvents.length > highWatermark && !paused && typeof emitter.pause === 'function') {
        paused = true;
        emitter.pause();
      }
    }
  }

  function errorHandler(err) {
    if (unconsumedPromises.length > 0) unconsumedPromises.shift().reject(err);
    else error = err;
    closeHandler();
  }

  function closeHandler() {
    eventTargetAgnosticRemoveListener(emitter, event, eventHandler);
    if (event !== 'error' && typeof emitter.removeListener === 'function') {
      emitter.removeListener('error', errorHandler);
    }
    if (closeEvents && closeEvents.length) {
      for (const name of closeEvents) eventTargetAgnosticRemoveListener(emitter, name, closeHandler);
    }
    if (signal) eventTargetAgnosticRemoveListener(signal, 'abort', abortListener);
    finished = true;
    const doneResult = { value: undefined, done: true };
    while (unconsumedPromises.length > 0) unconsumedPromises.shift().resolve(doneResult);
    return Promise.resolve(doneResult);
  }
}

function getEventListeners(emitterOrTarget, type) {
  if (emitterOrTarget !== null && typeof emitterOrTarget === 'object' &&
      typeof emitterOrTarget.listeners === 'function') {
    return emitterOrTarget.listeners(type);
  }
  if (isEventTarget(emitterOrTarget)) {
    // The runtime's EventTarget may expose its listeners through this hook.
    const hook = emitterOrTarget[Symbol.for('nodec.eventTargetListeners')];
    return typeof hook === 'function' ? hook.call(emitterOrTarget, type) : [];
  }
  throw new (errors().codes.ERR_INVALID_ARG_TYPE)('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget);
}

function getMaxListeners(emitterOrTarget) {
  if (emitterOrTarget !== null && typeof emitterOrTarget === 'object' &&
      typeof emitterOrTarget.getMaxListeners === 'function') {
    return _getMaxListeners(emitterOrTarget);
  }
  if (isEventTarget(emitterOrTarget)) {
    return emitterOrTarget[kMaxEventTargetListeners] ?? defaultMaxListeners;
  }
  throw new (errors().codes.ERR_INVALID_ARG_TYPE)('emitter', ['EventEmitter', 'EventTarget'], emitterOrTarget);
}

// Runs `listener` once when `signal` aborts (right away, in a microtask, if
// it already has); returns a disposable that detaches it.
function addAbortListener(signal, listener) {
  if (signal === undefined) throw new (errors().codes.ERR_INVALID_ARG_TYPE)('signal', 'AbortSignal', signal);
  validateAbortSignal(signal, 'signal');
  if (typeof listener !== 'function') throw new (errors().codes.ERR_INVALID_ARG_TYPE)('listener', 'Function', listener);
  let removeEventListener;
  if (signal.aborted) {
    queueMicrotask(() => listener());
  } else {
    signal.addEventListener('abort', listener, { __proto__: null, once: true });
    removeEventListener = () => signal.removeEventListener('abort', listener);
  }
  const disposable = {};
  Object.defineProperty(disposable, Symbol.dispose || Symbol.for('nodejs.dispose'), {
    value() {
      if (removeEventListener) removeEventListener();
    },
    configurable: true, writable: true, enumerable: false,
  });
  return disposable;
}

// EventEmitterAsyncResource needs async_hooks, which nodec does not have
// yet; accessing it explains that instead of failing obscurely.
function EventEmitterAsyncResource() {
  throw new (errors().codes.ERR_INVALID_THIS)('EventEmitterAsyncResource (async_hooks not available)');
}

// The static members, in the order Node defines them (visible through
// Object.keys(require('events'))).
module.exports = EventEmitter;
Object.defineProperties(EventEmitter, {
  addAbortListener: { value: addAbortListener, writable: true, enumerable: true, configurable: true },
  once: { value: once, writable: true, enumerable: true, configurable: true },
  on: { value: on, writable: true, enumerable: true, configurable: true },
  getEventListeners: { value: getEventListeners, writable: true, enumerable: true, configurable: true },
  getMaxListeners: { value: getMaxListeners, writable: true, enumerable: true, configurable: true },
  // Backwards-compat with node 0.10.x
  EventEmitter: { value: EventEmitter, writable: true, enumerable: true, configurable: true },
  usingDomains: { value: false, writable: true, enumerable: true, configurable: true },
  captureRejectionSymbol: { value: kRejection, writable: true, enumerable: true, configurable: true },
  captureRejections: {
    get() {
      return EventEmitter.prototype[kCapture];
    },
    set(value) {
      validateBoolean(value, 'EventEmitter.captureRejections');
      EventEmitter.prototype[kCapture] = value;
    },
    enumerable: true,
    configurable: true,
  },
  EventEmitterAsyncResource: {
    enumerable: true, get: () => EventEmitterAsyncResource, set: undefined, configurable: true,
  },
  errorMonitor: { value: kErrorMonitor, writable: true, enumerable: true, configurable: true },
  defaultMaxListeners: {
    enumerable: true,
    configurable: true,
    get() {
      return defaultMaxListeners;
    },
    set(arg) {
      validateNumber(arg, 'defaultMaxListeners', 0);
      defaultMaxListeners = arg;
    },
  },
  kMaxEventTargetListeners: { value: kMaxEventTargetListeners },
  kMaxEventTargetListenersWarned: { value: kMaxEventTargetListenersWarned },
  setMaxListeners: { value: setMaxListeners, writable: true, enumerable: true, configurable: true },
  init: { value: init, writable: true, enumerable: true, configurable: true },
  listenerCount: { value: staticListenerCount, writable: true, enumerable: true, configurable: true },
});
