// internal/streams/pipeline - stream.pipeline(...stages, callback):
// connect streams, iterables, async generator functions (each stage
// gets the previous one as an async iterable) and async functions (the
// last stage's resolved value goes to the callback), destroy every stream
// when one fails, and call back once with the first real error.
'use strict';

const eos = require('internal/streams/end-of-stream');
const destroyImpl = require('internal/streams/destroy');
const { newAbortController } = require('internal/streams/abort');
const utils = require('internal/streams/utils');

function codes() {
  return require('internal/errors').codes;
}

let PassThrough;
let Readable;
let Duplex;

function once(fn) {
  let called = false;
  return function onceWrapper(...args) {
    if (called) return;
    called = true;
    return Reflect.apply(fn, this, args);
  };
}

// Destroys a stream of the pipeline unless it already finished cleanly.
function destroyer(stream, reading, writing) {
  let finished = false;
  stream.on('close', () => {
    finished = true;
  });
  const cleanup = eos(stream, { readable: reading, writable: writing }, (err) => {
    finished = !err;
  });
  return {
    destroy: (err) => {
      if (finished) return;
      finished = true;
      destroyImpl.destroyer(stream, err || new (codes().ERR_STREAM_DESTROYED)('pipe'));
    },
    cleanup,
  };
}

function popCallback(streams) {
  const last = streams[streams.length - 1];
  if (typeof last !== 'function') {
    throw new (codes().ERR_INVALID_ARG_TYPE)(
      'streams[stream.length - 1]', 'Function', last);
  }
  return streams.pop();
}

function makeAsyncIterable(val) {
  if (utils.isIterable(val)) return val;
  if (utils.isReadableNodeStream(val)) return fromReadable(val);
  throw new (codes().ERR_INVALID_ARG_TYPE)(
    'val', ['Readable', 'Iterable', 'AsyncIterable'], val);
}

async function* fromReadable(val) {
  Readable ||= require('internal/streams/readable');
  yield* Readable.prototype[Symbol.asyncIterator].call(val);
}

// Write an (async) iterable into a Node writable, honouring 'drain'.
async function pumpToNode(iterable, writable, finish, { end }) {
  let error;
  let onresolve = null;

  const resume = (err) => {
    if (err) error = err;
    if (onresolve) {
      const callback = onresolve;
      onresolve = null;
      callback();
    }
  };

  const wait = () => new Promise((resolve, reject) => {
    if (error) {
      reject(error);
    } else {
      onresolve = () => {
        if (error) reject(error);
        else resolve();
      };
    }
  });

  writable.on('drain', resume);
  const cleanup = eos(writable, { readable: false }, resume);

  try {
    if (writable.writableNeedDrain) await wait();
    for await (const chunk of iterable) {
      if (!writable.write(chunk)) await wait();
    }
    if (end) {
      writable.end();
      await wait();
    }
    finish();
  } catch (err) {
    finish(error !== err ? destroyImpl.aggregateTwoErrors(error, err) : err);
  } finally {
    cleanup();
    writable.off('drain', resume);
  }
}

function pipeline(...streams) {
  return pipelineImpl(streams, once(popCallback(streams)));
}

function pipelineImpl(streams, callback, opts) {
  if (streams.length === 1 && Array.isArray(streams[0])) streams = streams[0];
  if (streams.length < 2) throw new (codes().ERR_MISSING_ARGS)('streams');

  const ac = newAbortController();
  const signal = ac.signal;
  const outerSignal = opts && opts.signal;
  const lastStreamCleanup = [];

  utils.validateAbortSignal(outerSignal, 'options.signal');

  function abort() {
    const { AbortError } = require('internal/errors');
    finishImpl(new AbortError(undefined, { cause: outerSignal && outerSignal.reason }));
  }
  if (outerSignal) outerSignal.addEventListener('abort', abort);

  let error;
  let value;
  const destroys = [];
  let finishCount = 0;

  function finish(err) {
    finishImpl(err, --finishCount === 0);
  }

  function finishImpl(err, final) {
    // A premature close is replaced by the error that caused it.
    if (err && (!error || error.code === 'ERR_STREAM_PREMATURE_CLOSE')) error = err;
    if (!error && !final) return;
    while (destroys.length) destroys.shift()(error);
    if (outerSignal) outerSignal.removeEventListener('abort', abort);
    ac.abort();
    if (final) {
      if (!error) lastStreamCleanup.forEach((fn) => fn());
      process.nextTick(callback, error, value);
    }
  }

  let ret;
  for (let i = 0; i < streams.length; i++) {
    const stream = streams[i];
    const reading = i < streams.length - 1;
    const writing = i > 0;
    const end = reading || !opts || opts.end !== false;
    const isLastStream = i === streams.length - 1;

    if (utils.isNodeStream(stream)) {
      if (end) {
        const { destroy, cleanup } = destroyer(stream, reading, writing);
        destroys.push(destroy);
        if (utils.isReadable(stream) && isLastStream) lastStreamCleanup.push(cleanup);
      }
      // Errors are reported through eos; this keeps them from crashing.
      const onError = (err) => {
        if (err && err.name !== 'AbortError' && err.code !== 'ERR_STREAM_PREMATURE_CLOSE') {
          finish(err);
        }
      };
      stream.on('error', onError);
      if (utils.isReadable(stream) && isLastStream) {
        lastStreamCleanup.push(() => {
          stream.removeListener('error', onError);
        });
      }
    }

    if (i === 0) {
      if (typeof stream === 'function') {
        ret = stream({ signal });
        if (!utils.isIterable(ret)) {
          throw new (codes().ERR_INVALID_RETURN_VALUE)(
            'Iterable, AsyncIterable or Stream', 'source', ret);
        }
      } else if (utils.isIterable(stream) || utils.isReadableNodeStream(stream)) {
        ret = stream;
      } else {
        Duplex ||= require('internal/streams/duplex');
        ret = Duplex.from(stream);
      }
    } else if (typeof stream === 'function') {
      ret = makeAsyncIterable(ret);
      ret = stream(ret, { signal });

      if (reading) {
        if (!utils.isIterable(ret, true)) {
          throw new (codes().ERR_INVALID_RETURN_VALUE)(
            'AsyncIterable', `transform[${i - 1}]`, ret);
        }
      } else {
        PassThrough ||= require('internal/streams/passthrough');
        // The last stage is a function: its output goes through a
        // PassThrough that pipeline returns.
        const pt = new PassThrough({ objectMode: true });
        const then = ret && ret.then;
        if (typeof then === 'function') {
          finishCount++;
          then.call(ret, (val) => {
            value = val;
            if (val != null) pt.write(val);
            if (end) pt.end();
            process.nextTick(finish);
          }, (err) => {
            pt.destroy(err);
            process.nextTick(finish, err);
          });
        } else if (utils.isIterable(ret, true)) {
          finishCount++;
          pumpToNode(ret, pt, finish, { end });
        } else {
          throw new (codes().ERR_INVALID_RETURN_VALUE)(
            'AsyncIterable or Promise', 'destination', ret);
        }
        ret = pt;
        const { destroy, cleanup } = destroyer(ret, false, true);
        destroys.push(destroy);
        if (isLastStream) lastStreamCleanup.push(cleanup);
      }
    } else if (utils.isNodeStream(stream)) {
      if (utils.isReadableNodeStream(ret)) {
        finishCount += 2;
        const cleanup = pipe(ret, stream, finish, { end });
        if (utils.isReadable(stream) && isLastStream) lastStreamCleanup.push(cleanup);
      } else if (utils.isIterable(ret)) {
        finishCount++;
        pumpToNode(ret, stream, finish, { end });
      } else {
        throw new (codes().ERR_INVALID_ARG_TYPE)('val',
          ['Readable', 'Iterable', 'AsyncIterable', 'ReadableStream', 'TransformStream'],
          ret);
      }
      ret = stream;
    } else {
      Duplex ||= require('internal/streams/duplex');
      ret = Duplex.from(stream);
    }
  }

  if (signal.aborted || (outerSignal && outerSignal.aborted)) process.nextTick(abort);
  return ret;
}

function pipe(src, dst, finish, { end }) {
  let ended = false;
  dst.on('close', () => {
    if (!ended) {
      // The destination went away before the source ended.
      finish(new (codes().ERR_STREAM_PREMATURE_CLOSE)());
    }
  });

  src.pipe(dst, { end: false });

  if (end) {
    function endFn() {
      ended = true;
      dst.end();
    }
    if (utils.isReadableFinished(src)) process.nextTick(endFn);
    else src.once('end', endFn);
  } else {
    finish();
  }

  eos(src, { readable: true, writable: false }, (err) => {
    const rState = src._readableState;
    if (err && err.code === 'ERR_STREAM_PREMATURE_CLOSE' &&
        rState && rState.ended && !rState.errored && !rState.errorEmitted) {
      // Closed after the end was pushed: wait for 'end' (or 'error').
      src.once('end', finish).once('error', finish);
    } else {
      finish(err);
    }
  });
  return eos(dst, { readable: false, writable: true }, finish);
}

module.exports = { pipelineImpl, pipeline };
