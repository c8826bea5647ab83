// internal/streams/from - Readable.from(iterable[, options]): an object
// mode Readable (highWaterMark 1) over a sync or async iterable, pulling
// the next value only when the stream wants more; destroying the stream
// returns (or throws into) the iterator.
'use strict';

const utils = require('internal/streams/utils');

function codes() {
  return require('internal/errors').codes;
}

function from(Readable, iterable, opts) {
  if (typeof iterable === 'string' || utils.isBuffer(iterable)) {
    return new Readable({
      objectMode: true,
      ...opts,
      read() {
        this.push(iterable);
        this.push(null);
      },
    });
  }

  let isAsync;
  let iterator;
  if (iterable && iterable[Symbol.asyncIterator]) {
    isAsync = true;
    iterator = iterable[Symbol.asyncIterator]();
  } else if (iterable && iterable[Symbol.iterator]) {
    isAsync = false;
    iterator = iterable[Symbol.iterator]();
  } else {
    throw new (codes().ERR_INVALID_ARG_TYPE)('iterable', ['Iterable'], iterable);
  }

  const readable = new Readable({ objectMode: true, highWaterMark: 1, ...opts });
  let reading = false;
  // A sync iterator is drained synchronously until it yields a promise;
  // from then on each value is awaited.
  let awaitValues = false;

  readable._read = function _read() {
    if (!reading) {
      reading = true;
      if (isAsync) pullAsync();
      else if (awaitValues) pullAwaitingValues();
      else pullSync();
    }
  };

  readable._destroy = function _destroy(error, cb) {
    close(error).then(
      () => process.nextTick(cb, error),
      (e) => process.nextTick(cb, e || error));
  };

  async function close(error) {
    const hadError = error !== undefined && error !== null;
    if (hadError && typeof iterator.throw === 'function') {
      const { value, done } = await iterator.throw(error);
      await value;
      if (done) return;
    }
    if (typeof iterator.return === 'function') {
      const { value } = await iterator.return();
      await value;
    }
  }

  // Push a value; whether to go on pulling.  null is not a value.
  function pushValue(value) {
    if (value === null) {
      reading = false;
      throw new (codes().ERR_STREAM_NULL_VALUES)();
    }
    if (readable.push(value)) return true;
    reading = false;
    return false;
  }

  function pullSync() {
    try {
      for (;;) {
        const { value, done } = iterator.next();
        if (done) {
          readable.push(null);
          return;
        }
        if (value && typeof value.then === 'function') {
          switchToAwaiting(value);
          return;
        }
        if (!pushValue(value)) return;
      }
    } catch (err) {
      readable.destroy(err);
    }
  }

  async function switchToAwaiting(pending) {
    awaitValues = true;
    try {
      if (pushValue(await pending)) pullAwaitingValues();
    } catch (err) {
      readable.destroy(err);
    }
  }

  async function pullAwaitingValues() {
    try {
      for (;;) {
        const { value, done } = iterator.next();
        if (done) {
          readable.push(null);
          return;
        }
        const res = value && typeof value.then === 'function' ? await value : value;
        if (!pushValue(res)) return;
      }
    } catch (err) {
      readable.destroy(err);
    }
  }

  async function pullAsync() {
    try {
      for (;;) {
        const { value, done } = await iterator.next();
        if (done) {
          readable.push(null);
          return;
        }
        if (!pushValue(value)) return;
      }
    } catch (err) {
      readable.destroy(err);
    }
  }
  return readable;
}

module.exports = from;
