// internal/web/event_target - Event, CustomEvent and EventTarget with the
// semantics of Node 20 (which is what programs observe, quirks included):
//
// - Listeners of a type form a doubly linked list walked while
//   dispatching; a listener removed meanwhile is skipped, one added
//   meanwhile runs if the walk has not yet passed the end.
// - An event counts as "being dispatched" only until its first listener
//   returns: from then on `currentTarget` is null, `eventPhase` 0 and
//   `composedPath()` empty, and dispatching it again is allowed.
// - A listener that throws does not stop the others; its error is thrown
//   again from a process.nextTick callback, so it reaches
//   process.on('uncaughtException') or ends the process.  An object
//   listener's handleEvent, looked up at each dispatch, runs as an async
//   function, so its errors take the promise path to the same end, as do
//   the rejections of async function listeners.
'use strict';

const kEvents = Symbol('kEvents');
const kHandlers = Symbol('kHandlers');
// Optional methods of a target told about listeners coming and going
// (size is the type's new listener count), as Node's targets have them.
const kNewListener = Symbol('kNewListener');
const kResistStopPropagation = Symbol('kResistStopPropagation');
const kRemoveListener = Symbol('kRemoveListener');
const kListenersHook = Symbol.for('nodec.eventTargetListeners');
const kTrusted = new WeakSet();

let eventsModule;
function events() {
  return (eventsModule ||= require('events'));
}
function codes() {
  return require('internal/errors').codes;
}

function invalidThis(type) {
  return new (codes().ERR_INVALID_THIS)(type);
}

// performance.now(), read straight from the clock: an event's timeStamp
// should not cost loading all of perf_hooks.
const binding = internalBinding('native');
let startNs;
function now() {
  if (startNs === undefined) startNs = binding.perfTimes()[0];
  return (binding.hrtime() - startNs) / 1e6;
}

function checkOptionsObject(options, name) {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new (codes().ERR_INVALID_ARG_TYPE)(name, 'object', options);
  }
}

// The inspect form of these classes: `Name { ...fields }`, or the bare
// name once past the depth limit.
function inspectAs(self, fields, depth, options, inspect) {
  const name = self.constructor.name;
  if (depth < 0) return name;
  const opts = Object.assign({}, options, {
    depth: Number.isInteger(options.depth) ? options.depth - 1 : options.depth,
  });
  return `${name} ${inspect(fields, opts)}`;
}

// --- Event -------------------------------------------------------------------

class Event {
  #type;
  #bubbles;
  #cancelable;
  #composed;
  #defaultPrevented = false;
  #timestamp;
  #propagationStopped = false;
  #stopped = false;     // stopImmediatePropagation()
  #target = null;
  #dispatching = false;

  constructor(type, options = undefined) {
    if (arguments.length === 0) throw new (codes().ERR_MISSING_ARGS)('type');
    if (options != null) checkOptionsObject(options, 'options');
    this.#bubbles = !!options?.bubbles;
    this.#cancelable = !!options?.cancelable;
    this.#composed = !!options?.composed;
    this.#type = `${type}`;
    this.#timestamp = now();
  }

  static isEvent(value) {
    return value != null && typeof value === 'object' && #type in value;
  }

  initEvent(type, bubbles = false, cancelable = false) {
    if (arguments.length === 0) throw new (codes().ERR_MISSING_ARGS)('type');
    if (!(Object(this) === this && #type in this)) throw invalidThis('Event');
    if (this.#dispatching) return;
    this.#type = `${type}`;
    this.#bubbles = !!bubbles;
    this.#cancelable = !!cancelable;
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    return inspectAs(this, {
      type: this.#type,
      defaultPrevented: this.#cancelable && this.#defaultPrevented,
      cancelable: this.#cancelable,
      timeStamp: this.#timestamp,
    }, depth, options, inspect);
  }

  stopImmediatePropagation() {
    if (!(Object(this) === this && #type in this)) throw invalidThis('Event');
    // Also stops propagation, as the DOM specifies.
    this.#propagationStopped = true;
    this.#stopped = true;
  }

  preventDefault() {
    if (!(Object(this) === this && #type in this)) throw invalidThis('Event');
    this.#defaultPrevented = true;
  }

  get target() {
    if (!(Object(this) === this && #type in this)) throw invalidThis('Event');
    return this.#target;
  }

  get currentTarget() {
    if (!(Object(this) === this && #type in this)) throw invalidThis('Event');
    return this.#dispatching ? this.#target : null;
  }

  get srcElement() {
    if (!(Object(this) === this && #type in this)) throw invalidThis('Event');
    return this.#target;
  }

  get type() {
    if (!(Object(this) === this && #type in this)) throw invalidThis('Event');
    return this.#type;
  }

  get cancelable() {
    if (!(Object(this) === this && #type in this)) throw invalidThis('Event');
    return this.#cancelable;
  }

  get defaultPrevented() {
    if (!(Object(this) === this && #type in this)) throw invalidThis('Event');
    return this.#cancelable && this.#defaultPrevented;
  }

  get timeStamp() {
    if (!(Object(this) === this && #type in this)) throw invalidThis('Event');
    return this.#timestamp;
  }

  composedPath() {
    if (!(Object(this) === this && #type in this)) throw invalidThis('Event');
    return this.#dispatching ? [this.#target] : [];
  }

  get returnValue() {
    if (!(Object(this) === this && #type in this)) throw invalidThis('Event');
    return !(this.#cancelable && this.#defaultPrevented);
  }

  get bubbles() {
    if (!(Object(this) === this && #type in this)) throw invalidThis('Event');
    return this.#bubbles;
  }

  get composed() {
    if (!(Object(this) === this && #type in this)) throw invalidThis('Event');
    return this.#composed;
  }

  get eventPhase() {
    if (!(Object(this) === this && #type in this)) throw invalidThis('Event');
    return this.#dispatching ? Event.AT_TARGET : Event.NONE;
  }

  get cancelBubble() {
    if (!(Object(this) === this && #type in this)) throw invalidThis('Event');
    return this.#propagationStopped;
  }

  set cancelBubble(value) {
    if (!(Object(this) === this && #type in this)) throw invalidThis('Event');
    if (value) this.#propagationStopped = true;
  }

  stopPropagation() {
    if (!(Object(this) === this && #type in this)) throw invalidThis('Event');
    this.#propagationStopped = true;
  }

  // For EventTarget.dispatchEvent only (static so they stay off instances).
  static dispatchState(event) {
    return event.#dispatching;
  }

  static beginDispatch(event, target) {
    event.#target = target;
    event.#dispatching = true;
  }

  static endDispatch(event) {
    event.#dispatching = false;
  }

  static isStopped(event) {
    return event.#stopped;
  }
}

const dispatchState = Event.dispatchState;
const beginDispatch = Event.beginDispatch;
const endDispatch = Event.endDispatch;
const isStopped = Event.isStopped;
const isEvent = Event.isEvent;
delete Event.dispatchState;
delete Event.beginDispatch;
delete Event.endDispatch;
delete Event.isStopped;
delete Event.isEvent;

{
  const proto = Event.prototype;
  for (const key of ['initEvent', 'stopImmediatePropagation', 'preventDefault',
    'target', 'currentTarget', 'srcElement', 'type', 'cancelable',
    'defaultPrevented', 'timeStamp', 'composedPath', 'returnValue', 'bubbles',
    'composed', 'eventPhase', 'cancelBubble', 'stopPropagation']) {
    Object.defineProperty(proto, key, { enumerable: true });
  }
  Object.defineProperty(proto, 'isTrusted', {
    get: function isTrusted() {
      return kTrusted.has(this);
    },
    enumerable: true, configurable: false,
  });
  Object.defineProperty(proto, Symbol.toStringTag, {
    value: 'Event', writable: false, enumerable: false, configurable: true,
  });
  const phases = { NONE: 0, CAPTURING_PHASE: 1, AT_TARGET: 2, BUBBLING_PHASE: 3 };
  for (const [name, value] of Object.entries(phases)) {
    Object.defineProperty(Event, name, {
      value, writable: false, enumerable: true, configurable: false,
    });
  }
}

// An event whose isTrusted is true: made by the runtime itself (the
// 'abort' event of an AbortSignal).
function trustedEvent(type) {
  const event = new Event(type);
  kTrusted.add(event);
  return event;
}

// --- CustomEvent -------------------------------------------------------------

class CustomEvent extends Event {
  #detail;

  constructor(type, options = undefined) {
    if (arguments.length === 0) throw new (codes().ERR_MISSING_ARGS)('type');
    super(type, options);
    this.#detail = options?.detail ?? null;
  }

  get detail() {
    if (!(Object(this) === this && #detail in this)) throw invalidThis('CustomEvent');
    return this.#detail;
  }
}
Object.defineProperty(CustomEvent.prototype, 'detail', { enumerable: true });
Object.defineProperty(CustomEvent.prototype, Symbol.toStringTag, {
  value: 'CustomEvent', writable: false, enumerable: false, configurable: true,
});

// --- EventTarget -------------------------------------------------------------

// One registered listener, a node of its type's list.
class Listener {
  constructor(previous, listener, once, capture, passive, resist) {
    this.next = undefined;
    this.previous = previous;
    if (previous !== undefined) previous.next = this;
    this.listener = listener;
    this.once = once;
    this.capture = capture;
    this.passive = passive;
    this.removed = false;
    this.isFunction = typeof listener === 'function';
    this.resist = resist; // runs even after stopImmediatePropagation()
  }

  same(listener, capture) {
    return this.listener === listener && this.capture === capture;
  }

  remove() {
    if (this.previous !== undefined) this.previous.next = this.next;
    if (this.next !== undefined) this.next.previous = this.previous;
    this.removed = true;
  }
}

function throwOnNextTick(err) {
  process.nextTick(() => {
    throw err;
  });
}

function validateListener(listener) {
  if (typeof listener === 'function' || typeof listener?.handleEvent === 'function') return true;
  if (listener == null) return false;
  if (typeof listener === 'object') return true; // handleEvent is read at dispatch
  throw new (codes().ERR_INVALID_ARG_TYPE)('listener', 'EventListener', listener);
}

function listenerOptions(options) {
  if (typeof options === 'boolean') return { capture: options };
  if (options == null) return { capture: false };
  checkOptionsObject(options, 'options');
  return {
    once: Boolean(options.once),
    capture: Boolean(options.capture),
    passive: Boolean(options.passive),
    signal: options.signal,
    resist: options[kResistStopPropagation] === true,
  };
}

function isAbortSignal(value) {
  const { AbortSignal } = require('internal/web/abort_controller');
  return value instanceof AbortSignal;
}

class EventTarget {
  constructor() {
    initEventTarget(this);
  }

  addEventListener(type, listener, options = undefined) {
    if (arguments.length < 2) throw new (codes().ERR_MISSING_ARGS)('type', 'listener');
    if (!isEventTarget(this)) throw invalidThis('EventTarget');
    const { once, capture, passive, signal, resist } = listenerOptions(options);
    if (signal !== undefined && !isAbortSignal(signal)) {
      throw new (codes().ERR_INVALID_ARG_TYPE)('options.signal', 'AbortSignal', signal);
    }
    if (!validateListener(listener)) {
      // The DOM accepts null here and does nothing; Node warns.
      const w = new Error(`addEventListener called with ${listener} which has no effect.`);
      w.name = 'AddEventListenerArgumentTypeWarning';
      w.target = this;
      w.type = type;
      process.emitWarning(w);
      return;
    }
    type = `${type}`;
    if (signal) {
      if (signal.aborted) return;
      // Removal on abort must happen even if an earlier 'abort' listener
      // stops the event's propagation.
      signal.addEventListener('abort', () => {
        this.removeEventListener(type, listener, options);
      }, { once: true, [kResistStopPropagation]: true });
    }
    let root = this[kEvents].get(type);
    if (root === undefined) {
      root = { size: 1, next: undefined };
      new Listener(root, listener, once, capture, passive, resist);
      root.resist = resist;
      this[kEvents].set(type, root);
      newListener(this, 1, type);
      this[kNewListener]?.(1, type);
      return;
    }
    let handler = root.next;
    let previous = root;
    while (handler !== undefined) {
      if (handler.same(listener, capture)) return; // already there
      previous = handler;
      handler = handler.next;
    }
    new Listener(previous, listener, once, capture, passive, resist);
    root.resist ||= resist;
    root.size++;
    newListener(this, root.size, type);
    this[kNewListener]?.(root.size, type);
  }

  removeEventListener(type, listener, options = undefined) {
    if (arguments.length < 2) throw new (codes().ERR_MISSING_ARGS)('type', 'listener');
    if (!isEventTarget(this)) throw invalidThis('EventTarget');
    if (!validateListener(listener)) return;
    type = `${type}`;
    // Only an options object with `capture: true` matches a capturing
    // listener: Node ignores a boolean here, unlike addEventListener.
    const capture = options?.capture === true;
    const root = this[kEvents].get(type);
    if (root === undefined) return;
    for (let handler = root.next; handler !== undefined; handler = handler.next) {
      if (handler.same(listener, capture)) {
        handler.remove();
        root.size--;
        if (root.size === 0) this[kEvents].delete(type);
        this[kRemoveListener]?.(root.size, type);
        return;
      }
    }
  }

  dispatchEvent(event) {
    if (!isEventTarget(this)) throw invalidThis('EventTarget');
    if (arguments.length < 1) throw new (codes().ERR_MISSING_ARGS)('event');
    if (!(event instanceof Event)) {
      throw new (codes().ERR_INVALID_ARG_TYPE)('event', 'Event', event);
    }
    if (dispatchState(event)) {
      const { codes: c } = require('internal/errors');
      throw new c.ERR_EVENT_RECURSION(event.type);
    }
    dispatch(this, event);
    return event.defaultPrevented !== true;
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    return inspectAs(this, {}, depth, options, inspect);
  }
}

function initEventTarget(self) {
  // Own enumerable symbol-keyed state, as Node keeps it: util.inspect
  // then prints a target past its depth limit as `[AbortSignal]`.
  self[kEvents] = new Map();
  const { kMaxEventTargetListeners, kMaxEventTargetListenersWarned } = events();
  if (self[kMaxEventTargetListeners] === undefined) {
    self[kMaxEventTargetListeners] = events().defaultMaxListeners;
    self[kMaxEventTargetListenersWarned] = false;
  }
}

function isEventTarget(value) {
  return value !== null && typeof value === 'object' && Object.hasOwn(value, kEvents);
}

// The leak warning, once per target, as EventEmitter has it.
function newListener(target, size, type) {
  const { kMaxEventTargetListeners, kMaxEventTargetListenersWarned } = events();
  const max = target[kMaxEventTargetListeners];
  if (max > 0 && size > max && !target[kMaxEventTargetListenersWarned]) {
    target[kMaxEventTargetListenersWarned] = true;
    const { inspect } = require('internal/inspect');
    const w = new Error('Possible EventTarget memory leak detected. ' +
      `${size} ${type} listeners added to ${inspect(target, { depth: -1 })}. ` +
      `MaxListeners is ${max}. Use events.setMaxListeners() to increase limit`);
    w.name = 'MaxListenersExceededWarning';
    w.target = target;
    w.type = type;
    w.count = size;
    process.emitWarning(w);
  }
}

function dispatch(target, event) {
  beginDispatch(event, target);
  const root = target[kEvents].get(event.type);
  let handler = root?.next;
  // After stopImmediatePropagation() only the runtime's own resisting
  // listeners run (and the walk goes on while the current one is passive,
  // as in Node).
  while (handler !== undefined &&
         (root.resist || handler.passive || !isStopped(event))) {
    const next = handler.next;
    if (handler.removed || (isStopped(event) && !handler.resist)) {
      handler = next;
      continue;
    }
    if (handler.once) {
      handler.remove();
      root.size--;
      if (root.size === 0 && target[kEvents].get(event.type) === root) {
        target[kEvents].delete(event.type);
      }
      target[kRemoveListener]?.(root.size, event.type);
    }
    try {
      let result;
      const { listener } = handler;
      if (handler.isFunction) {
        result = listener.call(target, event);
      } else {
        result = callHandleEvent(listener, event);
      }
      endDispatch(event);
      if (result !== undefined && result !== null && typeof result.then === 'function') {
        result.then(undefined, throwOnNextTick);
      }
    } catch (err) {
      endDispatch(event);
      throwOnNextTick(err);
    }
    handler = next;
  }
  endDispatch(event);
}

async function callHandleEvent(listener, event) {
  if (typeof listener.handleEvent === 'function') {
    await listener.handleEvent(event);
  }
}

// events.getEventListeners(target, type) asks for this.
Object.defineProperty(EventTarget.prototype, kListenersHook, {
  value: function listeners(type) {
    const list = [];
    const root = this[kEvents]?.get(`${type}`);
    for (let h = root?.next; h !== undefined; h = h.next) list.push(h.listener);
    return list;
  },
  writable: true, enumerable: false, configurable: true,
});
for (const key of ['addEventListener', 'removeEventListener', 'dispatchEvent']) {
  Object.defineProperty(EventTarget.prototype, key, { enumerable: true });
}
Object.defineProperty(EventTarget.prototype, Symbol.toStringTag, {
  value: 'EventTarget', writable: false, enumerable: false, configurable: true,
});
Object.defineProperty(EventTarget, Symbol.for('nodejs.event_target'), {
  value: true, writable: true, enumerable: true, configurable: true,
});

// `on<type>` attributes: the handler keeps the place in the listener list
// that its first assignment gave it; later assignments only swap the
// function behind it.
function defineEventHandler(target, type, name = type) {
  Object.defineProperty(target, `on${name}`, {
    get() {
      return this[kHandlers]?.get(type)?.handler ?? null;
    },
    set(value) {
      if (this[kHandlers] === undefined) {
        Object.defineProperty(this, kHandlers, {
          value: new Map(), writable: false, enumerable: false, configurable: true,
        });
      }
      let wrapped = this[kHandlers].get(type);
      if (wrapped !== undefined) {
        wrapped.handler = value;
      } else {
        wrapped = function eventHandler(...args) {
          if (typeof wrapped.handler !== 'function') return undefined;
          return wrapped.handler.apply(this, args);
        };
        wrapped.handler = value;
        this.addEventListener(type, wrapped);
      }
      this[kHandlers].set(type, wrapped);
    },
    enumerable: true, configurable: true,
  });
}

module.exports = {
  Event,
  CustomEvent,
  EventTarget,
  isEvent,
  trustedEvent,
  initEventTarget,
  isEventTarget,
  defineEventHandler,
  kEvents,
  kNewListener,
  kRemoveListener,
};
