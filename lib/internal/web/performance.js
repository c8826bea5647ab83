// internal/web/performance - the `performance` global and perf_hooks:
// a high-resolution clock relative to the process start (timeOrigin),
// user timing (mark/measure and their entry buffers), observers,
// timerify and eventLoopUtilization, as in Node 20.
//
// Observers are notified from one setImmediate callback per batch of
// entries, in the order they first had something pending, as Node does.
'use strict';

const binding = internalBinding('native');

function codes() {
  return require('internal/errors').codes;
}

function domException(message, name) {
  const DOMException = require('internal/web/domexception');
  return new DOMException(message, name);
}

function clone(value) {
  return require('internal/web/structured_clone').structuredClone(value);
}

const [startNs, timeOrigin] = binding.perfTimes();

function now() {
  return (binding.hrtime() - startNs) / 1e6;
}

// --- entries -------------------------------------------------------------------

let constructing = false; // only this file makes entries other than marks
const kEntry = Symbol('kEntry');

function invalidThis(value, type) {
  return new (codes().ERR_INVALID_ARG_TYPE)('this', type, value);
}

function inspectEntry(self, depth, options, inspect) {
  if (depth < 0) return self;
  const opts = Object.assign({}, options, {
    depth: options.depth == null ? null : options.depth - 1,
  });
  return `${self.constructor.name} ${inspect(self.toJSON(), opts)}`;
}

class PerformanceEntry {
  #name;
  #type;
  #start;
  #duration;

  constructor(name, type, start, duration) {
    if (!constructing) throw new (codes().ERR_ILLEGAL_CONSTRUCTOR)();
    constructing = false;
    this.#name = name;
    this.#type = type;
    this.#start = start;
    this.#duration = duration;
    // An own enumerable (symbol) property, as Node's entries have: past
    // its depth limit util.inspect then prints `[PerformanceMark]`.
    this[kEntry] = true;
  }

  get name() {
    if (!(Object(this) === this && #name in this)) throw invalidThis(this, 'PerformanceEntry');
    return this.#name;
  }

  get entryType() {
    if (!(Object(this) === this && #name in this)) throw invalidThis(this, 'PerformanceEntry');
    return this.#type;
  }

  get startTime() {
    if (!(Object(this) === this && #name in this)) throw invalidThis(this, 'PerformanceEntry');
    return this.#start;
  }

  get duration() {
    if (!(Object(this) === this && #name in this)) throw invalidThis(this, 'PerformanceEntry');
    return this.#duration;
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    return inspectEntry(this, depth, options, inspect);
  }

  toJSON() {
    if (!(Object(this) === this && #name in this)) throw invalidThis(this, 'PerformanceEntry');
    return {
      name: this.#name,
      entryType: this.#type,
      startTime: this.#start,
      duration: this.#duration,
    };
  }
}

// An entry with a detail: marks, measures and timerify's 'function'.
function detailed(Base, className) {
  const C = {
    [className]: class extends Base {
      #detail;

      constructor(name, type, start, duration, detail) {
        super(name, type, start, duration);
        this.#detail = detail;
      }

      get detail() {
        if (!(Object(this) === this && #detail in this)) throw invalidThis(this, className);
        return this.#detail;
      }

      toJSON() {
        return { ...super.toJSON(), detail: this.#detail };
      }
    },
  }[className];
  return C;
}

class PerformanceMark extends PerformanceEntry {
  #detail;

  constructor(name, options = undefined) {
    if (arguments.length === 0) throw new (codes().ERR_MISSING_ARGS)('name');
    name = `${name}`;
    if (options !== undefined && (options === null || typeof options !== 'object')) {
      throw new (codes().ERR_INVALID_ARG_TYPE)('options', 'object', options);
    }
    const startTime = options?.startTime ?? now();
    if (typeof startTime !== 'number') {
      throw new (codes().ERR_INVALID_ARG_TYPE)('options.startTime', 'number', startTime);
    }
    if (startTime < 0) {
      throw new (codes().ERR_PERFORMANCE_INVALID_TIMESTAMP)(startTime);
    }
    const detail = options?.detail;
    const cloned = detail != null ? clone(detail) : null;
    constructing = true;
    super(name, 'mark', startTime, 0);
    this.#detail = cloned;
  }

  get detail() {
    if (!(Object(this) === this && #detail in this)) throw invalidThis(this, 'PerformanceMark');
    return this.#detail;
  }

  toJSON() {
    return { ...super.toJSON(), detail: this.#detail };
  }
}

const PerformanceMeasure = detailed(PerformanceEntry, 'PerformanceMeasure');
const PerformanceNodeEntry = detailed(PerformanceEntry, 'PerformanceNodeEntry');

function makeEntry(Ctor, name, type, start, duration, detail) {
  constructing = true;
  try {
    return new Ctor(name, type, start, duration, detail);
  } finally {
    constructing = false;
  }
}

// Public constructors that refuse to be called from outside.
function illegal(C) {
  const proto = C.prototype;
  const Public = function () {
    throw new (codes().ERR_ILLEGAL_CONSTRUCTOR)();
  };
  Object.defineProperty(Public, 'name', { value: C.name });
  Public.prototype = proto;
  Object.defineProperty(proto, 'constructor', {
    value: Public, writable: true, enumerable: false, configurable: true,
  });
  return Public;
}

for (const [C, keys, tag] of [
  [PerformanceEntry, ['name', 'entryType', 'startTime', 'duration', 'toJSON'], 'PerformanceEntry'],
  [PerformanceMark, ['detail', 'toJSON'], 'PerformanceMark'],
  [PerformanceMeasure, ['detail', 'toJSON'], 'PerformanceMeasure'],
]) {
  for (const key of keys) Object.defineProperty(C.prototype, key, { enumerable: true });
  Object.defineProperty(C.prototype, Symbol.toStringTag, {
    value: tag, writable: false, enumerable: false, configurable: true,
  });
}

// --- the buffers -------------------------------------------------------------

const markEntries = [];
const measureEntries = [];
const markTimes = new Map();

function byStartTime(a, b) {
  return a.startTime - b.startTime;
}

function filterEntries(name, type) {
  let list;
  if (type === 'mark') list = markEntries.slice();
  else if (type === 'measure') list = measureEntries.slice();
  else if (type === undefined) list = markEntries.concat(measureEntries);
  else list = [];
  if (name !== undefined) list = list.filter((e) => e.name === name);
  return list.sort(byStartTime);
}

// --- observers -----------------------------------------------------------------

const supportedEntryTypes = Object.freeze(['dns', 'function', 'gc', 'http', 'http2',
  'mark', 'measure', 'net', 'resource']);
const observers = new Set();
const pending = new Set();
let pendingScheduled = false;

function enqueue(entry) {
  for (const o of observers) observerEnqueue(o, entry);
}

function schedulePending() {
  if (pendingScheduled) return;
  pendingScheduled = true;
  require('timers').setImmediate(() => {
    pendingScheduled = false;
    const list = [...pending];
    pending.clear();
    for (const o of list) observerDispatch(o);
  });
}

class PerformanceObserverEntryList {
  #entries;

  constructor(entries) {
    if (!constructing) throw new (codes().ERR_ILLEGAL_CONSTRUCTOR)();
    constructing = false;
    this.#entries = entries.sort(byStartTime);
  }

  getEntries() {
    return this.#entries.slice();
  }

  getEntriesByType(type) {
    if (arguments.length === 0) throw new (codes().ERR_MISSING_ARGS)('type');
    type = `${type}`;
    return this.#entries.filter((e) => e.entryType === type);
  }

  getEntriesByName(name, type = undefined) {
    if (arguments.length === 0) throw new (codes().ERR_MISSING_ARGS)('name');
    name = `${name}`;
    if (type !== undefined) type = `${type}`;
    return this.#entries.filter((e) => e.name === name &&
      (type === undefined || e.entryType === type));
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return this;
    const opts = Object.assign({}, options, {
      depth: options.depth == null ? null : options.depth - 1,
    });
    return `PerformanceObserverEntryList ${inspect(this.#entries, opts)}`;
  }
}
Object.defineProperty(PerformanceObserverEntryList.prototype, Symbol.toStringTag, {
  value: 'PerformanceObserverEntryList', writable: false, enumerable: false, configurable: true,
});

const kSingle = 1;
const kMultiple = 2;

class PerformanceObserver {
  #callback;
  #buffer = [];
  #entryTypes = new Set();
  #kind = undefined;

  constructor(callback) {
    if (typeof callback !== 'function') {
      throw new (codes().ERR_INVALID_ARG_TYPE)('callback', 'function', callback);
    }
    this.#callback = callback;
  }

  static get supportedEntryTypes() {
    return supportedEntryTypes;
  }

  observe(options = {}) {
    if (options === null || typeof options !== 'object') {
      throw new (codes().ERR_INVALID_ARG_TYPE)('options', 'object', options);
    }
    const { entryTypes, type, buffered } = options;
    if (entryTypes === undefined && type === undefined) {
      throw new (codes().ERR_MISSING_ARGS)('options.entryTypes', 'options.type');
    }
    if (entryTypes != null && type != null) {
      throw new (codes().ERR_INVALID_ARG_VALUE)('options.entryTypes', entryTypes,
        'options.entryTypes can not set with options.type together');
    }
    switch (this.#kind) {
      case undefined:
        if (entryTypes !== undefined) this.#kind = kMultiple;
        if (type !== undefined) this.#kind = kSingle;
        break;
      case kSingle:
        if (entryTypes !== undefined) {
          throw domException('PerformanceObserver can not change to multiple observations',
            'InvalidModificationError');
        }
        break;
      case kMultiple:
        if (type !== undefined) {
          throw domException('PerformanceObserver can not change to single observation',
            'InvalidModificationError');
        }
        break;
    }
    if (this.#kind === kMultiple) {
      if (!Array.isArray(entryTypes)) {
        throw new (codes().ERR_INVALID_ARG_TYPE)('options.entryTypes', 'string[]', entryTypes);
      }
      this.#entryTypes.clear();
      for (const t of entryTypes) {
        if (supportedEntryTypes.includes(t)) this.#entryTypes.add(t);
      }
    } else {
      if (!supportedEntryTypes.includes(type)) return;
      this.#entryTypes.add(type);
      if (buffered) {
        this.#buffer.push(...filterEntries(undefined, type));
        pending.add(this);
        schedulePending();
      }
    }
    if (this.#entryTypes.size) observers.add(this);
    else this.disconnect();
  }

  disconnect() {
    observers.delete(this);
    pending.delete(this);
    this.#buffer = [];
  }

  takeRecords() {
    const list = this.#buffer;
    this.#buffer = [];
    return list;
  }

  // For enqueue() and schedulePending() only: taken off the class below.
  static enqueue(observer, entry) {
    if (!observer.#entryTypes.has(entry.entryType)) return;
    observer.#buffer.push(entry);
    pending.add(observer);
    schedulePending();
  }

  static dispatch(observer) {
    constructing = true;
    const list = new PerformanceObserverEntryList(observer.takeRecords());
    observer.#callback.call(observer, list, observer);
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return this;
    const opts = Object.assign({}, options, {
      depth: options.depth == null ? null : options.depth - 1,
    });
    return `PerformanceObserver ${inspect({
      connected: observers.has(this),
      pending: pending.has(this),
      entryTypes: [...this.#entryTypes],
      buffer: this.#buffer,
    }, opts)}`;
  }
}
const observerEnqueue = PerformanceObserver.enqueue;
const observerDispatch = PerformanceObserver.dispatch;
delete PerformanceObserver.enqueue;
delete PerformanceObserver.dispatch;
for (const key of ['observe', 'disconnect', 'takeRecords']) {
  Object.defineProperty(PerformanceObserver.prototype, key, { enumerable: true });
}
Object.defineProperty(PerformanceObserver.prototype, Symbol.toStringTag, {
  value: 'PerformanceObserver', writable: false, enumerable: false, configurable: true,
});

// --- mark, measure -----------------------------------------------------------

function mark(name, options = undefined) {
  if (arguments.length === 0) throw new (codes().ERR_MISSING_ARGS)('name');
  const entry = new PerformanceMark(name, options);
  markTimes.set(entry.name, entry.startTime);
  markEntries.push(entry);
  enqueue(entry);
  return entry;
}

function markTime(name) {
  if (name === undefined) return undefined;
  if (typeof name === 'number') {
    if (name < 0) throw new (codes().ERR_PERFORMANCE_INVALID_TIMESTAMP)(name);
    return name;
  }
  name = `${name}`;
  if (nodeTimingNames.includes(name)) return nodeTiming[name];
  const t = markTimes.get(name);
  if (t === undefined) {
    throw domException(`The "${name}" performance mark has not been set`, 'SyntaxError');
  }
  return t;
}

function invalidMeasure(text) {
  return new (codes().ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS)(text);
}

function measure(name, startOrOptions = undefined, endMark = undefined) {
  if (arguments.length === 0) throw new (codes().ERR_MISSING_ARGS)('name');
  name = `${name}`;
  let start;
  let end;
  let duration;
  let optionsValid = false;
  if (startOrOptions !== null && typeof startOrOptions === 'object') {
    ({ start, end, duration } = startOrOptions);
    optionsValid = start !== undefined || end !== undefined;
  }
  if (optionsValid) {
    if (endMark !== undefined) throw invalidMeasure('endMark must not be specified');
    if (start !== undefined && end !== undefined && duration !== undefined) {
      throw invalidMeasure('Must not have options.start, options.end, and options.duration specified');
    }
  }
  if (endMark !== undefined) end = markTime(endMark);
  else if (optionsValid && end !== undefined) end = markTime(end);
  else if (optionsValid && start !== undefined && duration !== undefined) {
    end = markTime(start) + markTime(duration);
  } else end = now();
  if (typeof startOrOptions === 'string') start = markTime(startOrOptions);
  else if (optionsValid && start !== undefined) start = markTime(start);
  else if (optionsValid && duration !== undefined && end !== undefined) {
    start = end - markTime(duration);
  } else start = 0;
  const detail = startOrOptions !== null && typeof startOrOptions === 'object' ?
    startOrOptions.detail : undefined;
  const entry = makeEntry(PerformanceMeasure, name, 'measure', start, end - start,
    detail != null ? clone(detail) : null);
  measureEntries.push(entry);
  enqueue(entry);
  return entry;
}

function clearBuffer(list, name) {
  if (name === undefined) {
    list.length = 0;
    return;
  }
  name = `${name}`;
  for (let i = list.length - 1; i >= 0; i--) {
    if (list[i].name === name) list.splice(i, 1);
  }
}

// --- nodeTiming, eventLoopUtilization ------------------------------------------

const nodeTimingNames = ['nodeStart', 'v8Start', 'bootstrapComplete', 'environment',
  'loopStart', 'loopExit', 'idleTime'];

function loopStart() {
  const ns = binding.perfTimes()[2];
  return ns === 0 ? -1 : (ns - startNs) / 1e6;
}

function idleTime() {
  return binding.perfTimes()[3] / 1e6;
}

class PerformanceNodeTiming {
  get name() { return 'node'; }
  get entryType() { return 'node'; }
  get startTime() { return 0; }
  get duration() { return now(); }
  get nodeStart() { return 0; }
  get v8Start() { return 0; }
  get bootstrapComplete() { return 0; }
  get environment() { return 0; }
  get loopStart() { return loopStart(); }
  get loopExit() { return -1; }
  get idleTime() { return idleTime(); }

  toJSON() {
    const json = { name: 'node', entryType: 'node', startTime: 0, duration: now() };
    for (const key of nodeTimingNames) json[key] = this[key];
    return json;
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return this;
    const opts = Object.assign({}, options, {
      depth: options.depth == null ? null : options.depth - 1,
    });
    return `PerformanceNodeTiming ${inspect(this.toJSON(), opts)}`;
  }
}
for (const key of Object.getOwnPropertyNames(PerformanceNodeTiming.prototype)) {
  if (key !== 'constructor') {
    Object.defineProperty(PerformanceNodeTiming.prototype, key, { enumerable: true });
  }
}
const nodeTiming = new PerformanceNodeTiming();

function eventLoopUtilization(util1, util2) {
  const ls = loopStart();
  if (ls <= 0) return { idle: 0, active: 0, utilization: 0 };
  if (util2) {
    const idle = util1.idle - util2.idle;
    const active = util1.active - util2.active;
    return { idle, active, utilization: active / (idle + active) };
  }
  const idle = idleTime();
  const active = now() - ls - idle;
  if (!util1) return { idle, active, utilization: active / (idle + active) };
  const idleDelta = idle - util1.idle;
  const activeDelta = active - util1.active;
  return { idle: idleDelta, active: activeDelta, utilization: activeDelta / (idleDelta + activeDelta) };
}

// --- timerify ------------------------------------------------------------------

function timerify(fn, options = {}) {
  if (typeof fn !== 'function') throw new (codes().ERR_INVALID_ARG_TYPE)('fn', 'function', fn);
  if (options === null || typeof options !== 'object') {
    throw new (codes().ERR_INVALID_ARG_TYPE)('options', 'object', options);
  }
  function complete(start, args) {
    const entry = makeEntry(PerformanceNodeEntry, fn.name, 'function', start,
      now() - start, args);
    enqueue(entry);
  }
  function timerifiedFn(...args) {
    const start = now();
    const result = new.target ? Reflect.construct(fn, args, fn) : fn.apply(this, args);
    if (!new.target && result !== null && typeof result?.finally === 'function') {
      return result.finally(() => complete(start, args));
    }
    complete(start, args);
    return result;
  }
  Object.defineProperties(timerifiedFn, {
    length: { value: fn.length, writable: false, enumerable: true, configurable: true },
    name: { value: `timerified ${fn.name}`, writable: false, enumerable: true, configurable: true },
  });
  return timerifiedFn;
}

// --- Performance -------------------------------------------------------------

let performanceObject;

class Performance extends require('internal/web/event_target').EventTarget {
  constructor() {
    if (!constructing) throw new (codes().ERR_ILLEGAL_CONSTRUCTOR)();
    constructing = false;
    super();
  }

  clearMarks(name = undefined) {
    if (name !== undefined) markTimes.delete(`${name}`);
    else markTimes.clear();
    clearBuffer(markEntries, name);
  }

  clearMeasures(name = undefined) {
    clearBuffer(measureEntries, name);
  }

  clearResourceTimings() {}

  getEntries() {
    return filterEntries();
  }

  getEntriesByName(name, type = undefined) {
    if (arguments.length === 0) throw new (codes().ERR_MISSING_ARGS)('name');
    return filterEntries(`${name}`, type === undefined ? undefined : `${type}`);
  }

  getEntriesByType(type) {
    if (arguments.length === 0) throw new (codes().ERR_MISSING_ARGS)('type');
    return filterEntries(undefined, `${type}`);
  }

  mark(name, options) {
    return arguments.length === 0 ? mark() : mark(name, options);
  }

  measure(name, startOrOptions, endMark) {
    return arguments.length === 0 ? measure() : measure(name, startOrOptions, endMark);
  }

  now() {
    return now();
  }

  setResourceTimingBufferSize() {}

  get timeOrigin() {
    return timeOrigin;
  }

  toJSON() {
    return {
      nodeTiming: this.nodeTiming,
      timeOrigin: this.timeOrigin,
      eventLoopUtilization: this.eventLoopUtilization(),
    };
  }

  [Symbol.for('nodejs.util.inspect.custom')](depth, options, inspect) {
    if (depth < 0) return this;
    const opts = Object.assign({}, options, {
      depth: options.depth == null ? null : options.depth - 1,
    });
    return `Performance ${inspect({ nodeTiming: this.nodeTiming, timeOrigin }, opts)}`;
  }
}
Object.defineProperties(Performance.prototype, {
  eventLoopUtilization: { value: eventLoopUtilization, writable: true, enumerable: true, configurable: true },
  nodeTiming: { value: nodeTiming, writable: true, enumerable: true, configurable: true },
  markResourceTiming: { value: function markResourceTiming() {}, writable: true, enumerable: true, configurable: true },
  timerify: { value: timerify, writable: true, enumerable: true, configurable: true },
  onresourcetimingbufferfull: { value: null, writable: true, enumerable: true, configurable: true },
  [Symbol.toStringTag]: { value: 'Performance', writable: false, enumerable: false, configurable: true },
});
for (const key of ['clearMarks', 'clearMeasures', 'clearResourceTimings', 'getEntries',
  'getEntriesByName', 'getEntriesByType', 'mark', 'measure', 'now',
  'setResourceTimingBufferSize', 'timeOrigin', 'toJSON']) {
  Object.defineProperty(Performance.prototype, key, { enumerable: true });
}

function performance() {
  if (performanceObject === undefined) {
    constructing = true;
    performanceObject = new Performance();
  }
  return performanceObject;
}

module.exports = {
  now,
  performance,
  Performance: illegal(Performance),
  PerformanceEntry: illegal(PerformanceEntry),
  PerformanceMark,
  PerformanceMeasure: illegal(PerformanceMeasure),
  PerformanceObserver,
  PerformanceObserverEntryList: illegal(PerformanceObserverEntryList),
};
