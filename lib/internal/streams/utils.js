// internal/streams/utils - what a value is (a Node stream, readable,
// writable, finished, errored, ...) judged from its state objects or, for
// streams not made here, from the methods it has; argument checks shared
// by the stream modules; and the Buffer/StringDecoder hooks.
'use strict';

const kIsDestroyed = Symbol.for('nodejs.stream.destroyed');
const kIsErrored = Symbol('kIsErrored');
const kIsReadable = Symbol('kIsReadable');
const kIsWritable = Symbol('kIsWritable');
const kIsDisturbed = Symbol('kIsDisturbed');

function codes() {
  return require('internal/errors').codes;
}

// --- argument checks ---------------------------------------------------------

function validateFunction(value, name) {
  if (typeof value !== 'function') {
    throw new (codes().ERR_INVALID_ARG_TYPE)(name, 'Function', value);
  }
}

function validateObject(value, name) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new (codes().ERR_INVALID_ARG_TYPE)(name, 'Object', value);
  }
}

function validateInteger(value, name, min = Number.MIN_SAFE_INTEGER,
  max = Number.MAX_SAFE_INTEGER) {
  if (typeof value !== 'number') {
    throw new (codes().ERR_INVALID_ARG_TYPE)(name, 'number', value);
  }
  if (!Number.isInteger(value)) {
    throw new (codes().ERR_OUT_OF_RANGE)(name, 'an integer', value);
  }
  if (value < min || value > max) {
    throw new (codes().ERR_OUT_OF_RANGE)(name, `>= ${min} && <= ${max}`, value);
  }
}

function validateAbortSignal(signal, name) {
  if (signal !== undefined &&
      (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw new (codes().ERR_INVALID_ARG_TYPE)(name, 'AbortSignal', signal);
  }
}

function validateBoolean(value, name) {
  if (typeof value !== 'boolean') {
    throw new (codes().ERR_INVALID_ARG_TYPE)(name, 'boolean', value);
  }
}

// --- Buffer and string decoding (node:buffer, node:string_decoder) ----------

let BufferClass;
let StringDecoderClass;

function getBuffer() {
  if (BufferClass === undefined) {
    try {
      BufferClass = require('buffer').Buffer;
    } catch {
      BufferClass = null;
    }
  }
  return BufferClass;
}

function isBuffer(value) {
  const B = getBuffer();
  return B ? B.isBuffer(value) : false;
}

function isUint8Array(value) {
  return value instanceof Uint8Array;
}

function toBuffer(chunk, encoding) {
  const B = getBuffer();
  if (B) {
    return typeof chunk === 'string' ? B.from(chunk, encoding) :
      B.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
  return chunk;
}

function isEncoding(encoding) {
  const B = getBuffer();
  if (B) return B.isEncoding(encoding);
  return typeof encoding === 'string' &&
    /^(utf-?8|ucs-?2|utf-?16le|latin1|binary|base64|base64url|hex|ascii)$/i
      .test(encoding);
}

function newStringDecoder(encoding) {
  if (StringDecoderClass === undefined) {
    try {
      StringDecoderClass = require('string_decoder').StringDecoder;
    } catch {
      StringDecoderClass = null;
    }
  }
  if (StringDecoderClass) return new StringDecoderClass(encoding);
  // Without node:string_decoder only text passes through.
  if (!isEncoding(encoding)) throw new (codes().ERR_UNKNOWN_ENCODING)(encoding);
  const lower = String(encoding).toLowerCase();
  return {
    encoding: lower === 'utf-8' ? 'utf8' : lower,
    write: (chunk) => String(chunk),
    end: (chunk) => (chunk === undefined ? '' : String(chunk)),
  };
}

// Bytes of several chunks as one.
function concatChunks(list, total) {
  const B = getBuffer();
  if (B) return B.concat(list, total);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of list) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

// --- what a value is ---------------------------------------------------------

function isReadableNodeStream(obj, strict = false) {
  return !!(obj && typeof obj.pipe === 'function' && typeof obj.on === 'function' &&
    (!strict || (typeof obj.pause === 'function' && typeof obj.resume === 'function')) &&
    (!obj._writableState || (obj._readableState && obj._readableState.readable !== false)) &&
    (!obj._writableState || obj._readableState));
}

function isWritableNodeStream(obj) {
  return !!(obj && typeof obj.write === 'function' && typeof obj.on === 'function' &&
    (!obj._readableState ||
      (obj._writableState && obj._writableState.writable !== false)));
}

function isDuplexNodeStream(obj) {
  return !!(obj && typeof obj.pipe === 'function' && obj._readableState &&
    typeof obj.on === 'function' && typeof obj.write === 'function');
}

function isNodeStream(obj) {
  return !!(obj && (obj._readableState || obj._writableState ||
    (typeof obj.write === 'function' && typeof obj.on === 'function') ||
    (typeof obj.pipe === 'function' && typeof obj.on === 'function')));
}

function isIterable(obj, isAsync) {
  if (obj == null) return false;
  if (isAsync === true) return typeof obj[Symbol.asyncIterator] === 'function';
  if (isAsync === false) return typeof obj[Symbol.iterator] === 'function';
  return typeof obj[Symbol.asyncIterator] === 'function' ||
    typeof obj[Symbol.iterator] === 'function';
}

function isDestroyed(stream) {
  if (!isNodeStream(stream)) return null;
  const state = stream._writableState || stream._readableState;
  return !!(stream.destroyed || stream[kIsDestroyed] || (state && state.destroyed));
}

function isWritableEnded(stream) {
  if (!isWritableNodeStream(stream)) return null;
  if (stream.writableEnded === true) return true;
  const w = stream._writableState;
  if (w && w.errored) return false;
  if (!w || typeof w.ended !== 'boolean') return null;
  return w.ended;
}

function isWritableFinished(stream, strict) {
  if (!isWritableNodeStream(stream)) return null;
  if (stream.writableFinished === true) return true;
  const w = stream._writableState;
  if (w && w.errored) return false;
  if (!w || typeof w.finished !== 'boolean') return null;
  return !!(w.finished || (strict === false && w.ended === true && w.length === 0));
}

function isReadableEnded(stream) {
  if (!isReadableNodeStream(stream)) return null;
  if (stream.readableEnded === true) return true;
  const r = stream._readableState;
  if (!r || r.errored) return false;
  if (typeof r.ended !== 'boolean') return null;
  return r.ended;
}

function isReadableFinished(stream, strict) {
  if (!isReadableNodeStream(stream)) return null;
  const r = stream._readableState;
  if (r && r.errored) return false;
  if (!r || typeof r.endEmitted !== 'boolean') return null;
  return !!(r.endEmitted || (strict === false && r.ended === true && r.length === 0));
}

function isReadable(stream) {
  if (stream && stream[kIsReadable] != null) return stream[kIsReadable];
  if (!stream || typeof stream.readable !== 'boolean') return null;
  if (isDestroyed(stream)) return false;
  return isReadableNodeStream(stream) && stream.readable && !isReadableFinished(stream);
}

function isWritable(stream) {
  if (stream && stream[kIsWritable] != null) return stream[kIsWritable];
  if (!stream || typeof stream.writable !== 'boolean') return null;
  if (isDestroyed(stream)) return false;
  return isWritableNodeStream(stream) && stream.writable && !isWritableEnded(stream);
}

function isFinished(stream, opts) {
  if (!isNodeStream(stream)) return null;
  if (isDestroyed(stream)) return true;
  if ((!opts || opts.readable !== false) && isReadable(stream)) return false;
  if ((!opts || opts.writable !== false) && isWritable(stream)) return false;
  return true;
}

function isWritableErrored(stream) {
  if (!isNodeStream(stream)) return null;
  if (stream.writableErrored) return stream.writableErrored;
  const w = stream._writableState;
  return (w && w.errored) ?? null;
}

function isReadableErrored(stream) {
  if (!isNodeStream(stream)) return null;
  if (stream.readableErrored) return stream.readableErrored;
  const r = stream._readableState;
  return (r && r.errored) ?? null;
}

function isClosed(stream) {
  if (!isNodeStream(stream)) return null;
  if (typeof stream.closed === 'boolean') return stream.closed;
  const w = stream._writableState;
  const r = stream._readableState;
  if (typeof (w && w.closed) === 'boolean' || typeof (r && r.closed) === 'boolean') {
    return (w && w.closed) || (r && r.closed);
  }
  return null;
}

function isRequest(stream) {
  return !!(stream && stream.setHeader && typeof stream.abort === 'function');
}

// Will the stream emit 'close' by itself once done?
function willEmitClose(stream) {
  if (!isNodeStream(stream)) return false;
  const state = stream._writableState || stream._readableState;
  return !!(state && state.autoDestroy && state.emitClose && state.closed === false);
}

function isDisturbed(stream) {
  return !!(stream && (stream[kIsDisturbed] ??
    (stream.readableDidRead || stream.readableAborted)));
}

function isErrored(stream) {
  const r = stream && stream._readableState;
  const w = stream && stream._writableState;
  return !!(stream && (stream[kIsErrored] ?? stream.readableErrored ??
    stream.writableErrored ?? (r && r.errorEmitted) ?? (w && w.errorEmitted) ??
    (r && r.errored) ?? (w && w.errored)));
}

module.exports = {
  kIsDestroyed,
  kIsErrored,
  kIsReadable,
  kIsWritable,
  kIsDisturbed,
  validateFunction,
  validateObject,
  validateInteger,
  validateAbortSignal,
  validateBoolean,
  getBuffer,
  isBuffer,
  isUint8Array,
  toBuffer,
  isEncoding,
  newStringDecoder,
  concatChunks,
  isReadableNodeStream,
  isWritableNodeStream,
  isDuplexNodeStream,
  isNodeStream,
  isIterable,
  isDestroyed,
  isWritableEnded,
  isWritableFinished,
  isReadableEnded,
  isReadableFinished,
  isReadable,
  isWritable,
  isFinished,
  isWritableErrored,
  isReadableErrored,
  isClosed,
  isRequest,
  willEmitClose,
  isDisturbed,
  isErrored,
};
