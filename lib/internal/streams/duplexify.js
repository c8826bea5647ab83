// internal/streams/duplexify - Duplex.from(body): a Duplex over a stream,
// an iterable, an async generator function (written chunks are its
// input, what it yields is the output), an async function (consumes the
// input), a promise, or a { readable, writable } pair.
'use strict';

const utils = require('internal/streams/utils');
const eos = require('internal/streams/end-of-stream');
const { destroyer } = require('internal/streams/destroy');
const { newAbortController } = require('internal/streams/abort');

function codes() {
  return require('internal/errors').codes;
}

let Duplex;
let from;

// A Duplex of its own class, so that Duplex.from results are told apart.
class Duplexify extends require('internal/streams/duplex') {}

function duplexify(body, name) {
  Duplex ||= require('internal/streams/duplex');
  from ||= require('internal/streams/from');

  if (utils.isDuplexNodeStream(body)) return body;
  if (utils.isReadableNodeStream(body)) return fromPair({ readable: body });
  if (utils.isWritableNodeStream(body)) return fromPair({ writable: body });
  if (utils.isNodeStream(body)) return fromPair({ writable: false, readable: false });

  if (typeof body === 'function') {
    const { value, write, final, destroy } = fromAsyncGen(body);
    if (utils.isIterable(value)) {
      return from(Duplexify, value, { objectMode: true, write, final, destroy });
    }
    const then = value && value.then;
    if (typeof then === 'function') {
      let d;
      const promise = then.call(value, (val) => {
        if (val != null) {
          throw new (codes().ERR_INVALID_RETURN_VALUE)('nully', 'body', val);
        }
      }, (err) => {
        destroyer(d, err);
      });
      d = new Duplexify({
        objectMode: true,
        readable: false,
        write,
        final(cb) {
          final(async () => {
            try {
              await promise;
              process.nextTick(cb, null);
            } catch (err) {
              process.nextTick(cb, err);
            }
          });
        },
        destroy,
      });
      return d;
    }
    throw new (codes().ERR_INVALID_RETURN_VALUE)(
      'Iterable, AsyncIterable or AsyncFunction', name, value);
  }

  if (utils.isIterable(body)) {
    return from(Duplexify, body, { objectMode: true, writable: false });
  }

  if (body && typeof body === 'object' &&
      (typeof body.readable === 'object' || typeof body.writable === 'object')) {
    const readable = body.readable ?
      (utils.isReadableNodeStream(body.readable) ? body.readable : duplexify(body.readable)) :
      undefined;
    const writable = body.writable ?
      (utils.isWritableNodeStream(body.writable) ? body.writable : duplexify(body.writable)) :
      undefined;
    return fromPair({ readable, writable });
  }

  const then = body && body.then;
  if (typeof then === 'function') {
    let d;
    then.call(body, (val) => {
      if (val != null) d.push(val);
      d.push(null);
    }, (err) => {
      destroyer(d, err);
    });
    d = new Duplexify({ objectMode: true, writable: false, read() {} });
    return d;
  }

  throw new (codes().ERR_INVALID_ARG_TYPE)(name,
    ['Blob', 'ReadableStream', 'WritableStream', 'Stream', 'Iterable',
      'AsyncIterable', 'Function', '{ readable, writable } pair', 'Promise'],
    body);
}

// An async generator function as a duplex: written chunks are handed to
// it one at a time as an async iterable.
function fromAsyncGen(fn) {
  let { promise, resolve } = withResolvers();
  const ac = newAbortController();
  const signal = ac.signal;
  const value = fn(async function* source() {
    while (true) {
      const current = promise;
      promise = null;
      const { chunk, done, cb } = await current;
      process.nextTick(cb);
      if (done) return;
      if (signal.aborted) {
        const { AbortError } = require('internal/errors');
        throw new AbortError(undefined, { cause: signal.reason });
      }
      ({ promise, resolve } = withResolvers());
      yield chunk;
    }
  }(), { signal });

  return {
    value,
    write(chunk, encoding, cb) {
      const r = resolve;
      resolve = null;
      r({ chunk, done: false, cb });
    },
    final(cb) {
      const r = resolve;
      resolve = null;
      r({ done: true, cb });
    },
    destroy(err, cb) {
      ac.abort();
      cb(err);
    },
  };
}

function withResolvers() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

// A readable and/or a writable joined into one Duplex.
function fromPair(pair) {
  const r = pair.readable && typeof pair.readable.read !== 'function' ?
    require('internal/streams/readable').wrap(pair.readable) : pair.readable;
  const w = pair.writable;

  let readable = !!utils.isReadable(r);
  let writable = !!utils.isWritable(w);

  let ondrain;
  let onfinish;
  let onreadable;
  let onclose;
  let d;

  function onfinished(err) {
    const cb = onclose;
    onclose = null;
    if (cb) cb(err);
    else if (err) d.destroy(err);
  }

  d = new Duplexify({
    readableObjectMode: !!(r && r.readableObjectMode),
    writableObjectMode: !!(w && w.writableObjectMode),
    readable,
    writable,
  });

  if (writable) {
    eos(w, (err) => {
      writable = false;
      if (err) destroyer(r, err);
      onfinished(err);
    });

    d._write = function _write(chunk, encoding, callback) {
      if (w.write(chunk, encoding)) callback();
      else ondrain = callback;
    };

    d._final = function _final(callback) {
      w.end();
      onfinish = callback;
    };

    w.on('drain', () => {
      if (ondrain) {
        const cb = ondrain;
        ondrain = null;
        cb();
      }
    });

    w.on('finish', () => {
      if (onfinish) {
        const cb = onfinish;
        onfinish = null;
        cb();
      }
    });
  }

  if (readable) {
    eos(r, (err) => {
      readable = false;
      if (err) destroyer(r, err);
      onfinished(err);
    });

    r.on('readable', () => {
      if (onreadable) {
        const cb = onreadable;
        onreadable = null;
        cb();
      }
    });

    r.on('end', () => {
      d.push(null);
    });

    d._read = function _read() {
      while (true) {
        const buf = r.read();
        if (buf === null) {
          onreadable = d._read;
          return;
        }
        if (!d.push(buf)) return;
      }
    };
  }

  d._destroy = function _destroy(err, callback) {
    if (!err && onclose !== null) {
      const { AbortError } = require('internal/errors');
      err = new AbortError();
    }
    onreadable = null;
    ondrain = null;
    onfinish = null;
    if (onclose === null) {
      callback(err);
    } else {
      onclose = callback;
      destroyer(w, err);
      destroyer(r, err);
    }
  };

  return d;
}

module.exports = duplexify;
