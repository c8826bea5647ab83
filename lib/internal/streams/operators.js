// internal/streams/operators - the iterator helpers of Readable: map,
// filter, forEach, toArray, some, find, every, flatMap, drop, take,
// reduce, asIndexedPairs.  The stream-returning ones give a Readable
// (Readable.from over an async generator); the others a promise.  map
// runs up to `concurrency` calls at once and keeps the input order.
'use strict';

const utils = require('internal/streams/utils');
const { newAbortController } = require('internal/streams/abort');

const kEmpty = Symbol('kEmpty');
const kEof = Symbol('kEof');

function codes() {
  return require('internal/errors').codes;
}

function abortError(signal) {
  const { AbortError } = require('internal/errors');
  return signal ? new AbortError(undefined, { cause: signal.reason }) : new AbortError();
}

function checkOptions(options) {
  if (options != null) utils.validateObject(options, 'options');
  if (options && options.signal != null) {
    utils.validateAbortSignal(options.signal, 'options.signal');
  }
}

function map(fn, options) {
  if (typeof fn !== 'function') {
    throw new (codes().ERR_INVALID_ARG_TYPE)('fn', ['Function', 'AsyncFunction'], fn);
  }
  checkOptions(options);

  let concurrency = 1;
  if (options && options.concurrency != null) concurrency = Math.floor(options.concurrency);
  let highWaterMark = concurrency - 1;
  if (options && options.highWaterMark != null) highWaterMark = Math.floor(options.highWaterMark);
  utils.validateInteger(concurrency, 'options.concurrency', 1);
  utils.validateInteger(highWaterMark, 'options.highWaterMark', 0);
  highWaterMark += concurrency;

  return async function* mapped() {
    const ac = newAbortController();
    const outer = options && options.signal;
    const onOuterAbort = () => ac.abort(outer.reason);
    if (outer) {
      if (outer.aborted) ac.abort(outer.reason);
      else outer.addEventListener('abort', onOuterAbort);
    }
    const signal = ac.signal;
    const stream = this;
    const queue = []; // promises of results, in input order
    const signalOpt = { signal };

    let next; // wakes the consumer when the queue grows
    let resume; // wakes the producer when there is room
    let done = false;
    let cnt = 0; // calls of fn not yet settled

    function onCatch() {
      done = true;
      afterItemProcessed();
    }
    function afterItemProcessed() {
      cnt -= 1;
      maybeResume();
    }
    function maybeResume() {
      if (resume && !done && cnt < concurrency && queue.length < highWaterMark) {
        resume();
        resume = null;
      }
    }

    async function pump() {
      try {
        for await (let val of stream) {
          if (done) return;
          if (signal.aborted) throw abortError();
          try {
            val = fn(val, signalOpt);
            if (val === kEmpty) continue;
            val = Promise.resolve(val);
          } catch (err) {
            val = Promise.reject(err);
          }
          cnt += 1;
          val.then(afterItemProcessed, onCatch);
          queue.push(val);
          if (next) {
            next();
            next = null;
          }
          if (!done && (queue.length >= highWaterMark || cnt >= concurrency)) {
            await new Promise((resolve) => {
              resume = resolve;
            });
          }
        }
        queue.push(kEof);
      } catch (err) {
        const val = Promise.reject(err);
        val.then(afterItemProcessed, onCatch);
        queue.push(val);
      } finally {
        done = true;
        if (next) {
          next();
          next = null;
        }
      }
    }

    pump();

    try {
      while (true) {
        while (queue.length > 0) {
          const val = await queue[0];
          if (val === kEof) return;
          if (signal.aborted) throw abortError();
          if (val !== kEmpty) yield val;
          queue.shift();
          maybeResume();
        }
        await new Promise((resolve) => {
          next = resolve;
        });
      }
    } finally {
      done = true;
      if (resume) {
        resume();
        resume = null;
      }
      if (outer) outer.removeEventListener('abort', onOuterAbort);
    }
  }.call(this);
}

function asIndexedPairs(options) {
  checkOptions(options);
  return async function* asIndexedPairs() {
    let index = 0;
    for await (const val of this) {
      if (options && options.signal && options.signal.aborted) {
        throw abortError(options.signal);
      }
      yield [index++, val];
    }
  }.call(this);
}

async function some(fn, options) {
  for await (const unused of filter.call(this, fn, options)) { // eslint-disable-line no-unused-vars
    return true;
  }
  return false;
}

async function every(fn, options) {
  if (typeof fn !== 'function') {
    throw new (codes().ERR_INVALID_ARG_TYPE)('fn', ['Function', 'AsyncFunction'], fn);
  }
  return !(await some.call(this, async (...args) => !(await fn(...args)), options));
}

async function find(fn, options) {
  for await (const result of filter.call(this, fn, options)) return result;
  return undefined;
}

async function forEach(fn, options) {
  if (typeof fn !== 'function') {
    throw new (codes().ERR_INVALID_ARG_TYPE)('fn', ['Function', 'AsyncFunction'], fn);
  }
  async function forEachFn(value, opts) {
    await fn(value, opts);
    return kEmpty;
  }
  for await (const unused of map.call(this, forEachFn, options)); // eslint-disable-line no-unused-vars
}

function filter(fn, options) {
  if (typeof fn !== 'function') {
    throw new (codes().ERR_INVALID_ARG_TYPE)('fn', ['Function', 'AsyncFunction'], fn);
  }
  async function filterFn(value, opts) {
    if (await fn(value, opts)) return value;
    return kEmpty;
  }
  return map.call(this, filterFn, options);
}

class ReduceAwareErrMissingArgs extends (codes().ERR_MISSING_ARGS) {
  constructor() {
    super('reduce');
    this.message = 'Reduce of an empty stream requires an initial value';
  }
}

async function reduce(reducer, initialValue, options) {
  if (typeof reducer !== 'function') {
    throw new (codes().ERR_INVALID_ARG_TYPE)(
      'reducer', ['Function', 'AsyncFunction'], reducer);
  }
  checkOptions(options);
  let hasInitialValue = arguments.length > 1;
  if (options && options.signal && options.signal.aborted) {
    const err = abortError(options.signal);
    this.once('error', () => {});
    await require('internal/streams/end-of-stream').finished(this.destroy(err));
    throw err;
  }
  const ac = newAbortController();
  const signal = ac.signal;
  const outer = options && options.signal;
  const onOuterAbort = () => ac.abort();
  if (outer) outer.addEventListener('abort', onOuterAbort, { once: true });
  let gotAnyItemFromStream = false;
  try {
    for await (const value of this) {
      gotAnyItemFromStream = true;
      if (outer && outer.aborted) throw abortError();
      if (!hasInitialValue) {
        initialValue = value;
        hasInitialValue = true;
      } else {
        initialValue = await reducer(initialValue, value, { signal });
      }
    }
    if (!gotAnyItemFromStream && !hasInitialValue) throw new ReduceAwareErrMissingArgs();
  } finally {
    ac.abort();
    if (outer) outer.removeEventListener('abort', onOuterAbort);
  }
  return initialValue;
}

async function toArray(options) {
  checkOptions(options);
  const result = [];
  for await (const val of this) {
    if (options && options.signal && options.signal.aborted) {
      throw abortError(options.signal);
    }
    result.push(val);
  }
  return result;
}

function flatMap(fn, options) {
  const values = map.call(this, fn, options);
  return async function* flatMapped() {
    for await (const val of values) yield* val;
  }.call(this);
}

function toIntegerOrInfinity(number) {
  number = Number(number);
  if (Number.isNaN(number)) return 0;
  if (number < 0) throw new (codes().ERR_OUT_OF_RANGE)('number', '>= 0', number);
  return number;
}

function drop(number, options) {
  checkOptions(options);
  number = toIntegerOrInfinity(number);
  return async function* dropped() {
    if (options && options.signal && options.signal.aborted) throw abortError();
    for await (const val of this) {
      if (options && options.signal && options.signal.aborted) throw abortError();
      if (number-- <= 0) yield val;
    }
  }.call(this);
}

function take(number, options) {
  checkOptions(options);
  number = toIntegerOrInfinity(number);
  return async function* taken() {
    if (options && options.signal && options.signal.aborted) throw abortError();
    for await (const val of this) {
      if (options && options.signal && options.signal.aborted) throw abortError();
      if (number-- > 0) yield val;
      // Stop without pulling one more item.
      if (number <= 0) return;
    }
  }.call(this);
}

const streamReturning = { asIndexedPairs, drop, filter, flatMap, map, take };
const promiseReturning = { every, forEach, reduce, toArray, some, find };

function install(Readable) {
  for (const [name, op] of Object.entries(streamReturning)) {
    const fn = {
      [name]: function (...args) {
        if (new.target) throw new (codes().ERR_ILLEGAL_CONSTRUCTOR)();
        return Readable.from(Reflect.apply(op, this, args));
      },
    }[name];
    Object.defineProperty(fn, 'length', { value: op.length });
    Object.defineProperty(Readable.prototype, name, {
      value: fn, enumerable: false, configurable: true, writable: true,
    });
  }
  for (const [name, op] of Object.entries(promiseReturning)) {
    const fn = {
      [name]: function (...args) {
        if (new.target) throw new (codes().ERR_ILLEGAL_CONSTRUCTOR)();
        return Reflect.apply(op, this, args);
      },
    }[name];
    Object.defineProperty(fn, 'length', { value: op.length });
    Object.defineProperty(Readable.prototype, name, {
      value: fn, enumerable: false, configurable: true, writable: true,
    });
  }
}

module.exports = { install };
