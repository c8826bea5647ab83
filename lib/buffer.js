'use strict';
// node:buffer - Buffer, a Uint8Array subclass with Node 20's API, and the
// module's other exports (atob/btoa, Blob, File, isUtf8, isAscii,
// transcode, constants).
//
// The bytes are encoded and decoded in C (src/nodec/bind-buffer.c), always
// in place on a typed array's memory; this file validates arguments with
// Node's exact errors and does the arithmetic.  Small buffers are carved
// from a shared 8 KiB pool, as in Node, so allocUnsafe and from(string)
// of a few bytes cost no ArrayBuffer each.

const native = internalBinding('native').buffer;
const {
  codes: {
    ERR_BUFFER_OUT_OF_BOUNDS,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_BUFFER_SIZE,
    ERR_MISSING_ARGS,
    ERR_OUT_OF_RANGE,
    ERR_UNKNOWN_ENCODING,
  },
} = require('internal/errors');
const { isAnyArrayBuffer, typedArrayName } = require('internal/types');

const kMaxLength = 2 ** 32;
const kStringMaxLength = 536870888;
const constants = Object.defineProperties({}, {
  MAX_LENGTH: { value: kMaxLength, writable: false, enumerable: true },
  MAX_STRING_LENGTH: { value: kStringMaxLength, writable: false, enumerable: true },
});

let INSPECT_MAX_BYTES = 50;

const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const kIsEncodingSymbol = Symbol('kIsEncodingSymbol');

// Encoding numbers shared with bind-buffer.c.
const ENC_UTF8 = 0;
const ENC_UCS2 = 1;
const ENC_LATIN1 = 2;
const ENC_ASCII = 3;
const ENC_BASE64 = 4;
const ENC_BASE64URL = 5;
const ENC_HEX = 6;

const isUint8Array = (v) => typedArrayName(v) === 'Uint8Array';
const TypedArrayFill = Uint8Array.prototype.fill;
const TypedArraySet = Uint8Array.prototype.set;
const TypedArrayIndexOf = Uint8Array.prototype.indexOf;
const TypedArrayLastIndexOf = Uint8Array.prototype.lastIndexOf;

// --- argument checks (Node's validators and their messages) -----------------

function validateNumber(value, name, min, max) {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if ((min != null && value < min) || (max != null && value > max) ||
      ((min != null || max != null) && Number.isNaN(value))) {
    throw new ERR_OUT_OF_RANGE(name,
      `${min != null ? `>= ${min}` : ''}${min != null && max != null ? ' && ' : ''}` +
      `${max != null ? `<= ${max}` : ''}`, value);
  }
}

function validateOffset(value, name, min = 0, max = kMaxLength) {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > max) {
    throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
  }
}

function validateString(value, name) {
  if (typeof value !== 'string') throw new ERR_INVALID_ARG_TYPE(name, 'string', value);
}

// A coded error whose message is a fixed text (the C++ checks of Node).
function plainError(Ctor, code, message) {
  const err = new Ctor(message);
  err.code = code;
  Object.defineProperty(err, 'name', {
    value: `${Ctor.name} [${code}]`, configurable: true, writable: true, enumerable: false,
  });
  if (typeof Error.captureStackTrace === 'function') Error.captureStackTrace(err, plainError);
  // eslint-disable-next-line no-unused-expressions
  err.stack;
  delete err.name;
  return err;
}

// --- encodings --------------------------------------------------------------

// Node's normalizeEncoding: the canonical name, or undefined.
function normalizeEncoding(enc) {
  if (enc == null || enc === 'utf8' || enc === 'utf-8') return 'utf8';
  if (typeof enc !== 'string') enc = `${enc}`;
  switch (enc.length) {
    case 3: if (enc === 'hex' || enc.toLowerCase() === 'hex') return 'hex'; break;
    case 4:
      if (enc === 'UTF8') return 'utf8';
      if (enc === 'ucs2' || enc === 'UCS2') return 'utf16le';
      enc = enc.toLowerCase();
      if (enc === 'utf8') return 'utf8';
      if (enc === 'ucs2') return 'utf16le';
      break;
    case 5:
      if (enc === 'UTF-8') return 'utf8';
      if (enc === 'ascii') return 'ascii';
      if (enc === 'ucs-2') return 'utf16le';
      enc = enc.toLowerCase();
      if (enc === 'utf-8') return 'utf8';
      if (enc === 'ascii') return 'ascii';
      if (enc === 'ucs-2') return 'utf16le';
      break;
    case 6:
      if (enc === 'base64' || enc === 'latin1') return enc;
      if (enc === 'binary') return 'latin1';
      enc = enc.toLowerCase();
      if (enc === 'base64' || enc === 'latin1') return enc;
      if (enc === 'binary') return 'latin1';
      break;
    case 7:
      if (enc === 'utf16le' || enc === 'UTF16LE' || enc.toLowerCase() === 'utf16le') return 'utf16le';
      break;
    case 8:
      if (enc === 'utf-16le' || enc === 'UTF-16LE' || enc.toLowerCase() === 'utf-16le') return 'utf16le';
      break;
    case 9:
      if (enc === 'base64url' || enc.toLowerCase() === 'base64url') return 'base64url';
      break;
    default:
      if (enc === '') return 'utf8';
  }
  return undefined;
}

function base64ByteLength(str, bytes) {
  if (str.charCodeAt(bytes - 1) === 0x3D) bytes--;
  if (bytes > 1 && str.charCodeAt(bytes - 1) === 0x3D) bytes--;
  return (bytes * 3) >>> 2;
}

// write and slice go through the buffer's own methods (utf8Write,
// hexSlice, ...), as in Node: a plain Uint8Array used as `this` fails the
// same way.
function makeOps(name, enc, byteLength, method) {
  const writeName = `${method}Write`;
  const sliceName = `${method}Slice`;
  return {
    encoding: name,
    encodingVal: enc,
    byteLength,
    write: (buf, string, offset, len) => buf[writeName](string, offset, len),
    slice: (buf, start, end) => buf[sliceName](start, end),
  };
}

const encodingOps = {
  utf8: makeOps('utf8', ENC_UTF8, (s) => native.byteLengthUtf8(s), 'utf8'),
  utf16le: makeOps('utf16le', ENC_UCS2, (s) => s.length * 2, 'ucs2'),
  latin1: makeOps('latin1', ENC_LATIN1, (s) => s.length, 'latin1'),
  ascii: makeOps('ascii', ENC_ASCII, (s) => s.length, 'ascii'),
  base64: makeOps('base64', ENC_BASE64, (s) => base64ByteLength(s, s.length), 'base64'),
  base64url: makeOps('base64url', ENC_BASE64URL, (s) => base64ByteLength(s, s.length), 'base64url'),
  hex: makeOps('hex', ENC_HEX, (s) => s.length >>> 1, 'hex'),
};

// Unlike normalizeEncoding, null and '' are not utf8 here (as in Node).
function getEncodingOps(encoding) {
  encoding += '';
  if (encoding.length === 0) return undefined;
  const name = normalizeEncoding(encoding);
  return name === undefined ? undefined : encodingOps[name];
}

// --- the pool and construction ----------------------------------------------

class FastBuffer extends Uint8Array {
  // eslint-disable-next-line no-useless-constructor
  constructor(bufferOrLength, byteOffset, length) {
    super(bufferOrLength, byteOffset, length);
  }
}

let poolSize;
let poolOffset;
let allocPool;

function createPool() {
  poolSize = Buffer.poolSize;
  allocPool = new ArrayBuffer(poolSize);
  poolOffset = 0;
}

function alignPool() {
  // Keep slices 8-byte aligned, so wider typed arrays can view them.
  if (poolOffset & 0x7) {
    poolOffset |= 0x7;
    poolOffset++;
  }
}

function allocate(size) {
  if (size <= 0) return new FastBuffer();
  if (size < (Buffer.poolSize >>> 1)) {
    if (allocPool === undefined || size > poolSize - poolOffset) createPool();
    const b = new FastBuffer(allocPool, poolOffset, size);
    poolOffset += size;
    alignPool();
    return b;
  }
  return new FastBuffer(size);
}

function fromStringFast(string, ops) {
  // UTF-8 is never shorter than the string's UTF-16 length: a long string
  // needs no counting pass to know it does not go in the pool.
  if (ops.encodingVal === ENC_UTF8 && string.length >= (Buffer.poolSize >>> 1)) {
    return new FastBuffer(native.fromString(string, ENC_UTF8));
  }
  const length = ops.byteLength(string);
  if (length >= (Buffer.poolSize >>> 1)) {
    // The encoder writes straight into memory the new ArrayBuffer owns.
    return new FastBuffer(native.fromString(string, ops.encodingVal, length));
  }
  if (allocPool === undefined || length > poolSize - poolOffset) createPool();
  let b = new FastBuffer(allocPool, poolOffset, length);
  const actual = ops.write(b, string, 0, length);
  if (actual !== length) b = new FastBuffer(allocPool, poolOffset, actual);
  poolOffset += actual;
  alignPool();
  return b;
}

function fromString(string, encoding) {
  let ops;
  if (typeof encoding !== 'string' || encoding.length === 0) {
    if (string.length === 0) return new FastBuffer();
    ops = encodingOps.utf8;
  } else {
    ops = getEncodingOps(encoding);
    if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    if (string.length === 0) return new FastBuffer();
  }
  return fromStringFast(string, ops);
}

function fromArrayBuffer(obj, byteOffset, length) {
  if (byteOffset === undefined) {
    byteOffset = 0;
  } else {
    byteOffset = +byteOffset;
    if (Number.isNaN(byteOffset)) byteOffset = 0;
  }
  const maxLength = obj.byteLength - byteOffset;
  if (maxLength < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
  if (byteOffset < 0) {
    // V8's words, from the Uint8Array constructor Node calls.
    throw new RangeError(`Start offset ${byteOffset} is outside the bounds of the buffer`);
  }
  if (length === undefined) {
    length = maxLength;
  } else {
    length = +length;
    if (length > 0) {
      if (length > maxLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
    } else {
      length = 0;
    }
  }
  return new FastBuffer(obj, byteOffset, length);
}

function fromArrayLike(obj) {
  if (obj.length <= 0) return new FastBuffer();
  if (obj.length < (Buffer.poolSize >>> 1)) {
    if (allocPool === undefined || obj.length > poolSize - poolOffset) createPool();
    const b = new FastBuffer(allocPool, poolOffset, obj.length);
    TypedArraySet.call(b, obj, 0);
    poolOffset += obj.length;
    alignPool();
    return b;
  }
  return new FastBuffer(obj);
}

function fromObject(obj) {
  if (obj.length !== undefined || isAnyArrayBuffer(obj.buffer)) {
    if (typeof obj.length !== 'number') return new FastBuffer();
    return fromArrayLike(obj);
  }
  if (obj.type === 'Buffer' && Array.isArray(obj.data)) return fromArrayLike(obj.data);
}

// --- Buffer -----------------------------------------------------------------

let bufferWarned = false;
function Buffer(arg, encodingOrOffset, length) {
  if (!bufferWarned) {
    bufferWarned = true;
    process.emitWarning('Buffer() is deprecated due to security and usability ' +
      'issues. Please use the Buffer.alloc(), Buffer.allocUnsafe(), or ' +
      'Buffer.from() methods instead.', 'DeprecationWarning', 'DEP0005');
  }
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') {
      throw new ERR_INVALID_ARG_TYPE('string', 'string', arg);
    }
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}

Object.defineProperty(Buffer, Symbol.species, {
  enumerable: false, configurable: true, get() { return FastBuffer; },
});

FastBuffer.prototype.constructor = Buffer;
Buffer.prototype = FastBuffer.prototype;
Object.setPrototypeOf(Buffer, Uint8Array);

Buffer.poolSize = 8 * 1024;

Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return fromString(value, encodingOrOffset);
  if (typeof value === 'object' && value !== null) {
    if (isAnyArrayBuffer(value)) return fromArrayBuffer(value, encodingOrOffset, length);
    const valueOf = value.valueOf && value.valueOf();
    if (valueOf != null && valueOf !== value &&
        (typeof valueOf === 'string' || typeof valueOf === 'object')) {
      return from(valueOf, encodingOrOffset, length);
    }
    const b = fromObject(value);
    if (b) return b;
    if (typeof value[Symbol.toPrimitive] === 'function') {
      const primitive = value[Symbol.toPrimitive]('string');
      if (typeof primitive === 'string') return fromString(primitive, encodingOrOffset);
    }
  }
  throw new ERR_INVALID_ARG_TYPE('first argument',
    ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'], value);
};

Buffer.copyBytesFrom = function copyBytesFrom(view, offset, length) {
  if (!ArrayBuffer.isView(view) || typedArrayName(view) === undefined) {
    throw new ERR_INVALID_ARG_TYPE('view', ['TypedArray'], view);
  }
  const viewLength = view.length;
  if (viewLength === 0) return Buffer.alloc(0);
  if (offset !== undefined || length !== undefined) {
    if (offset !== undefined) {
      validateInteger(offset, 'offset', 0);
      if (offset >= viewLength) return new FastBuffer();
    } else {
      offset = 0;
    }
    let end;
    if (length !== undefined) {
      validateInteger(length, 'length', 0);
      end = offset + length;
    } else {
      end = viewLength;
    }
    view = view.subarray(offset, end);
  }
  const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  return fromArrayLike(bytes);
};

function validateInteger(value, name, min = Number.MIN_SAFE_INTEGER,
  max = Number.MAX_SAFE_INTEGER) {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  if (!Number.isInteger(value)) throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  if (value < min || value > max) throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
}

Buffer.of = function of(...items) {
  const newObj = new FastBuffer(items.length);
  for (let k = 0; k < items.length; k++) newObj[k] = items[k];
  return newObj;
};
Object.defineProperty(Buffer.of, 'name', { value: 'of' });

Buffer.alloc = function alloc(size, fill, encoding) {
  validateNumber(size, 'size', 0, kMaxLength);
  if (fill !== undefined && fill !== 0 && size > 0) {
    const buf = new FastBuffer(size);
    return _fill(buf, fill, 0, buf.length, encoding);
  }
  return new FastBuffer(size);
};

Buffer.allocUnsafe = function allocUnsafe(size) {
  validateNumber(size, 'size', 0, kMaxLength);
  return allocate(size);
};

Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) {
  validateNumber(size, 'size', 0, kMaxLength);
  return new FastBuffer(size);
};

function SlowBuffer(size) {
  validateNumber(size, 'size', 0, kMaxLength);
  return new FastBuffer(size);
}
Object.setPrototypeOf(SlowBuffer.prototype, Uint8Array.prototype);
Object.setPrototypeOf(SlowBuffer, Uint8Array);

Buffer.isBuffer = function isBuffer(b) {
  return b instanceof Buffer;
};

Buffer.compare = function compare(buf1, buf2) {
  if (!isUint8Array(buf1)) throw new ERR_INVALID_ARG_TYPE('buf1', ['Buffer', 'Uint8Array'], buf1);
  if (!isUint8Array(buf2)) throw new ERR_INVALID_ARG_TYPE('buf2', ['Buffer', 'Uint8Array'], buf2);
  if (buf1 === buf2) return 0;
  return native.compare(buf1, buf2);
};

Buffer.isEncoding = function isEncoding(encoding) {
  return typeof encoding === 'string' && encoding.length !== 0 &&
    normalizeEncoding(encoding) !== undefined;
};
Buffer[kIsEncodingSymbol] = Buffer.isEncoding;

Buffer.concat = function concat(list, length) {
  if (!Array.isArray(list)) throw new ERR_INVALID_ARG_TYPE('list', 'Array', list);
  if (list.length === 0) return new FastBuffer();
  if (length === undefined) {
    length = 0;
    for (let i = 0; i < list.length; i++) {
      if (list[i].length) length += list[i].length;
    }
  } else {
    validateOffset(length, 'length');
  }
  const buffer = Buffer.allocUnsafe(length);
  let pos = 0;
  for (let i = 0; i < list.length; i++) {
    const buf = list[i];
    if (!isUint8Array(buf)) {
      throw new ERR_INVALID_ARG_TYPE(`list[${i}]`, ['Buffer', 'Uint8Array'], list[i]);
    }
    pos += _copyActual(buf, buffer, pos, 0, buf.length);
  }
  if (pos < length) TypedArrayFill.call(buffer, 0, pos, length);
  return buffer;
};

function byteLength(string, encoding) {
  if (typeof string !== 'string') {
    if (ArrayBuffer.isView(string) || isAnyArrayBuffer(string)) return string.byteLength;
    throw new ERR_INVALID_ARG_TYPE('string', ['string', 'Buffer', 'ArrayBuffer'], string);
  }
  const len = string.length;
  const mustMatch = (arguments.length > 2 && arguments[2] === true);
  if (!mustMatch && len === 0) return 0;
  if (!encoding) return (mustMatch ? -1 : native.byteLengthUtf8(string));
  const ops = getEncodingOps(encoding);
  if (ops === undefined) return (mustMatch ? -1 : native.byteLengthUtf8(string));
  return ops.byteLength(string);
}
Buffer.byteLength = byteLength;

Object.defineProperty(Buffer.prototype, 'parent', {
  enumerable: true, configurable: true,
  get() {
    if (!(this instanceof Buffer)) return undefined;
    return this.buffer;
  },
});
Object.defineProperty(Buffer.prototype, 'offset', {
  enumerable: true, configurable: true,
  get() {
    if (!(this instanceof Buffer)) return undefined;
    return this.byteOffset;
  },
});

// --- copy, compare, equals ----------------------------------------------------

function _copy(source, target, targetStart, sourceStart, nb) {
  const from = new Uint8Array(source.buffer, source.byteOffset + sourceStart, nb);
  const to = new Uint8Array(target.buffer, target.byteOffset + targetStart, nb);
  TypedArraySet.call(to, from, 0);
}

function _copyActual(source, target, targetStart, sourceStart, sourceEnd) {
  if (sourceEnd - sourceStart > target.byteLength - targetStart) {
    sourceEnd = sourceStart + target.byteLength - targetStart;
  }
  let nb = sourceEnd - sourceStart;
  const sourceLen = source.byteLength - sourceStart;
  if (nb > sourceLen) nb = sourceLen;
  if (nb <= 0) return 0;
  _copy(source, target, targetStart, sourceStart, nb);
  return nb;
}

function toInteger(n, defaultVal) {
  n = +n;
  if (!Number.isNaN(n) && n >= Number.MIN_SAFE_INTEGER && n <= Number.MAX_SAFE_INTEGER) {
    return ((n % 1) === 0 ? n : Math.floor(n));
  }
  return defaultVal;
}

function copyImpl(source, target, targetStart, sourceStart, sourceEnd) {
  if (!isUint8Array(source)) {
    throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
  }
  if (!isUint8Array(target)) {
    throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  }
  if (targetStart === undefined) {
    targetStart = 0;
  } else {
    targetStart = Number.isInteger(targetStart) ? targetStart : toInteger(targetStart, 0);
    if (targetStart < 0) throw new ERR_OUT_OF_RANGE('targetStart', '>= 0', targetStart);
  }
  if (sourceStart === undefined) {
    sourceStart = 0;
  } else {
    sourceStart = Number.isInteger(sourceStart) ? sourceStart : toInteger(sourceStart, 0);
    if (sourceStart < 0 || sourceStart > source.byteLength) {
      throw new ERR_OUT_OF_RANGE('sourceStart', `>= 0 && <= ${source.byteLength}`, sourceStart);
    }
  }
  if (sourceEnd === undefined) {
    sourceEnd = source.byteLength;
  } else {
    sourceEnd = Number.isInteger(sourceEnd) ? sourceEnd : toInteger(sourceEnd, 0);
    if (sourceEnd < 0) throw new ERR_OUT_OF_RANGE('sourceEnd', '>= 0', sourceEnd);
  }
  if (targetStart >= target.byteLength || sourceStart >= sourceEnd) return 0;
  return _copyActual(source, target, targetStart, sourceStart, sourceEnd);
}

Buffer.prototype.copy = function copy(target, targetStart, sourceStart, sourceEnd) {
  return copyImpl(this, target, targetStart, sourceStart, sourceEnd);
};

Buffer.prototype.equals = function equals(otherBuffer) {
  if (!isUint8Array(otherBuffer)) {
    throw new ERR_INVALID_ARG_TYPE('otherBuffer', ['Buffer', 'Uint8Array'], otherBuffer);
  }
  if (this === otherBuffer) return true;
  const len = this.byteLength;
  if (len !== otherBuffer.byteLength) return false;
  return len === 0 || native.compare(this, otherBuffer) === 0;
};

function subView(buf, start, end) {
  return new Uint8Array(buf.buffer, buf.byteOffset + start, end - start);
}

Buffer.prototype.compare = function compare(target, targetStart, targetEnd,
  sourceStart, sourceEnd) {
  if (!isUint8Array(target)) {
    throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  }
  if (arguments.length === 1) return native.compare(this, target);
  if (targetStart === undefined) targetStart = 0;
  else validateOffset(targetStart, 'targetStart');
  if (targetEnd === undefined) targetEnd = target.length;
  else validateOffset(targetEnd, 'targetEnd', 0, target.length);
  if (sourceStart === undefined) sourceStart = 0;
  else validateOffset(sourceStart, 'sourceStart');
  if (sourceEnd === undefined) sourceEnd = this.length;
  else validateOffset(sourceEnd, 'sourceEnd', 0, this.length);
  if (sourceStart >= sourceEnd) return (targetStart >= targetEnd ? 0 : -1);
  if (targetStart >= targetEnd) return 1;
  if (sourceStart > this.length) {
    throw plainError(RangeError, 'ERR_OUT_OF_RANGE',
      'The value of "sourceStart" is out of range.');
  }
  if (targetStart > target.length) {
    throw plainError(RangeError, 'ERR_OUT_OF_RANGE',
      'The value of "targetStart" is out of range.');
  }
  return native.compare(subView(this, sourceStart, sourceEnd),
    subView(target, targetStart, targetEnd));
};

// --- toString, write, slices ---------------------------------------------------

function adjustOffset(offset, length) {
  offset = Math.trunc(offset);
  if (offset === 0 || Number.isNaN(offset)) return 0;
  if (offset < 0) {
    offset += length;
    return offset > 0 ? offset : 0;
  }
  if (offset < length) return offset;
  return length;
}

Buffer.prototype.subarray = function subarray(start, end) {
  const srcLength = this.length;
  start = adjustOffset(start, srcLength);
  end = end !== undefined ? adjustOffset(end, srcLength) : srcLength;
  const newLength = end > start ? end - start : 0;
  return new FastBuffer(this.buffer, this.byteOffset + start, newLength);
};

Buffer.prototype.slice = function slice(start, end) {
  return this.subarray(start, end);
};

Buffer.prototype.toString = function toString(encoding, start, end) {
  if (arguments.length === 0) return this.utf8Slice(0, this.length);
  const len = this.length;
  if (start <= 0) start = 0;
  else if (start >= len) return '';
  else start = Math.trunc(start) || 0;
  if (end === undefined || end > len) end = len;
  else end = Math.trunc(end) || 0;
  if (end <= start) return '';
  if (encoding === undefined) return this.utf8Slice(start, end);
  const ops = getEncodingOps(encoding);
  if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  return ops.slice(this, start, end);
};

Buffer.prototype.toLocaleString = Buffer.prototype.toString;

Buffer.prototype.write = function write(string, offset, length, encoding) {
  if (offset === undefined) return this.utf8Write(string, 0, this.length);
  if (length === undefined && typeof offset === 'string') {
    encoding = offset;
    length = this.length;
    offset = 0;
  } else {
    validateOffset(offset, 'offset', 0, this.length);
    const remaining = this.length - offset;
    if (length === undefined) {
      length = remaining;
    } else if (typeof length === 'string') {
      encoding = length;
      length = remaining;
    } else {
      validateOffset(length, 'length', 0, this.length);
      if (length > remaining) length = remaining;
    }
  }
  if (!encoding || encoding === 'utf8') return this.utf8Write(string, offset, length);
  const ops = getEncodingOps(encoding);
  if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  return ops.write(this, string, offset, length);
};

// The checks of Node's native string writers (buf.utf8Write(...) etc.).
function writeWith(buf, string, offset, length, enc) {
  if (typeof string !== 'string') {
    throw plainError(TypeError, 'ERR_INVALID_ARG_TYPE', 'argument must be a string');
  }
  offset = offset === undefined ? 0 : Math.trunc(+offset) || 0;
  if (offset < 0 || offset > buf.length) {
    throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
  }
  const max = buf.length - offset;
  length = length === undefined ? max : Math.trunc(+length) || 0;
  if (length < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
  if (length > max) length = max;
  if (length === 0 || string.length === 0) return 0;
  return native.write(buf, string, offset, length, enc);
}

function sliceWith(buf, start, end, enc) {
  start = start === undefined ? 0 : Math.trunc(+start) || 0;
  end = end === undefined ? buf.length : Math.trunc(+end) || 0;
  if (start < 0 || end < 0 || start > buf.length || end > buf.length) {
    throw plainError(RangeError, 'ERR_OUT_OF_RANGE', 'Index out of range');
  }
  if (end <= start) return '';
  return native.toString(buf, enc, start, end);
}

for (const [name, enc] of [['utf8', ENC_UTF8], ['ucs2', ENC_UCS2],
  ['latin1', ENC_LATIN1], ['ascii', ENC_ASCII], ['base64', ENC_BASE64],
  ['base64url', ENC_BASE64URL], ['hex', ENC_HEX]]) {
  const slice = {
    [`${name}Slice`](start, end) { return sliceWith(this, start, end, enc); },
  }[`${name}Slice`];
  const write = {
    [`${name}Write`](string, offset, length) {
      return writeWith(this, string, offset, length, enc);
    },
  }[`${name}Write`];
  Buffer.prototype[`${name}Slice`] = slice;
  Buffer.prototype[`${name}Write`] = write;
}

Buffer.prototype.toJSON = function toJSON() {
  if (this.length > 0) {
    const data = new Array(this.length);
    for (let i = 0; i < this.length; ++i) data[i] = this[i];
    return { type: 'Buffer', data };
  }
  return { type: 'Buffer', data: [] };
};

// --- fill ------------------------------------------------------------------

Buffer.prototype.fill = function fill(value, offset, end, encoding) {
  return _fill(this, value, offset, end, encoding);
};

function _fill(buf, value, offset, end, encoding) {
  let normalized;
  if (typeof value === 'string') {
    if (offset === undefined || typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      end = buf.length;
    } else if (typeof end === 'string') {
      encoding = end;
      end = buf.length;
    }
    normalized = normalizeEncoding(encoding);
    if (normalized === undefined) {
      validateString(encoding, 'encoding');
      throw new ERR_UNKNOWN_ENCODING(encoding);
    }
    if (value.length === 0) {
      value = 0;
    } else if (value.length === 1) {
      if (normalized === 'utf8') {
        const code = value.charCodeAt(0);
        if (code < 128) value = code;
      } else if (normalized === 'latin1') {
        value = value.charCodeAt(0);
      }
    }
  }
  if (offset === undefined) {
    offset = 0;
    end = buf.length;
  } else {
    validateOffset(offset, 'offset');
    if (end === undefined) end = buf.length;
    else validateOffset(end, 'end', 0, buf.length);
    if (offset >= end) return buf;
  }
  if (typeof value === 'number') {
    const byteLen = buf.byteLength;
    const fillLength = end - offset;
    if (offset > end || fillLength + offset > byteLen) throw new ERR_BUFFER_OUT_OF_BOUNDS();
    TypedArrayFill.call(buf, value, offset, end);
    return buf;
  }
  let bytes;
  if (typeof value === 'string') {
    bytes = fromString(value, normalized);
  } else if (ArrayBuffer.isView(value)) {
    bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  } else {
    TypedArrayFill.call(buf, (value >>> 0) & 255, offset, end);
    return buf;
  }
  if (bytes.length === 0) throw new ERR_INVALID_ARG_VALUE('value', value);
  if (end > buf.byteLength) throw new ERR_BUFFER_OUT_OF_BOUNDS();
  // Copy the pattern once, then double what is written until full.
  const view = subView(buf, offset, end);
  const n = view.length;
  let done = Math.min(bytes.length, n);
  TypedArraySet.call(view, done === bytes.length ? bytes : bytes.subarray(0, done), 0);
  while (done < n) {
    const k = Math.min(done, n - done);
    view.copyWithin(done, 0, k);
    done += k;
  }
  return buf;
}

// --- search ------------------------------------------------------------------

// Node's IndexOfOffset: where a search of a needle of needleLength starts.
function indexOfOffset(length, offset, needleLength, isForward) {
  if (offset < 0) {
    if (offset + length >= 0) return length + offset;
    if (isForward || needleLength === 0) return 0;
    return -1;
  }
  if (offset + needleLength <= length) return offset;
  if (needleLength === 0) return length;
  if (isForward) return -1;
  return length - 1;
}

function indexOfBytes(buffer, needle, byteOffset, dir, step) {
  const length = buffer.byteLength;
  const offset = indexOfOffset(length, byteOffset, needle.byteLength, dir);
  if (needle.byteLength === 0) return offset;
  if (length === 0 || offset <= -1) return -1;
  if ((dir && needle.byteLength + offset > length) || needle.byteLength > length) return -1;
  if (step === 2 && (length < 2 || needle.byteLength < 2)) return -1;
  return native.indexOf(buffer, needle, offset, dir, step);
}

function bidirectionalIndexOf(buffer, val, byteOffset, encoding, dir) {
  if (!ArrayBuffer.isView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE('buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
  }
  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  } else if (byteOffset > 0x7fffffff) {
    byteOffset = 0x7fffffff;
  } else if (byteOffset < -0x80000000) {
    byteOffset = -0x80000000;
  }
  byteOffset = +byteOffset;
  if (Number.isNaN(byteOffset)) byteOffset = dir ? 0 : (buffer.length || buffer.byteLength);
  byteOffset = Math.trunc(byteOffset);
  dir = !!dir;

  if (typeof val === 'number') {
    const length = buffer.byteLength;
    const offset = indexOfOffset(length, byteOffset, 1, dir);
    if (offset <= -1 || length === 0) return -1;
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, length);
    const needle = (val >>> 0) & 0xff;
    return dir ? TypedArrayIndexOf.call(bytes, needle, offset) :
      TypedArrayLastIndexOf.call(bytes, needle, offset);
  }

  let ops;
  if (encoding === undefined) ops = encodingOps.utf8;
  else ops = getEncodingOps(encoding);

  if (typeof val === 'string') {
    if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    return indexOfBytes(buffer, fromString(val, ops.encoding), byteOffset, dir,
      ops.encodingVal === ENC_UCS2 ? 2 : 1);
  }
  if (isUint8Array(val)) {
    const step = ops !== undefined && ops.encodingVal === ENC_UCS2 ? 2 : 1;
    return indexOfBytes(buffer, val, byteOffset, dir, step);
  }
  throw new ERR_INVALID_ARG_TYPE('value', ['number', 'string', 'Buffer', 'Uint8Array'], val);
}

Buffer.prototype.indexOf = function indexOf(val, byteOffset, encoding) {
  return bidirectionalIndexOf(this, val, byteOffset, encoding, true);
};
Buffer.prototype.lastIndexOf = function lastIndexOf(val, byteOffset, encoding) {
  return bidirectionalIndexOf(this, val, byteOffset, encoding, false);
};
Buffer.prototype.includes = function includes(val, byteOffset, encoding) {
  return this.indexOf(val, byteOffset, encoding) !== -1;
};

// --- swaps -----------------------------------------------------------------

Buffer.prototype.swap16 = function swap16() {
  const len = this.length;
  if (len % 2 !== 0) throw new ERR_INVALID_BUFFER_SIZE('16-bits');
  for (let i = 0; i < len; i += 2) {
    const t = this[i];
    this[i] = this[i + 1];
    this[i + 1] = t;
  }
  return this;
};

Buffer.prototype.swap32 = function swap32() {
  const len = this.length;
  if (len % 4 !== 0) throw new ERR_INVALID_BUFFER_SIZE('32-bits');
  for (let i = 0; i < len; i += 4) {
    let t = this[i];
    this[i] = this[i + 3];
    this[i + 3] = t;
    t = this[i + 1];
    this[i + 1] = this[i + 2];
    this[i + 2] = t;
  }
  return this;
};

Buffer.prototype.swap64 = function swap64() {
  const len = this.length;
  if (len % 8 !== 0) throw new ERR_INVALID_BUFFER_SIZE('64-bits');
  for (let i = 0; i < len; i += 8) {
    for (let j = 0; j < 4; j++) {
      const t = this[i + j];
      this[i + j] = this[i + 7 - j];
      this[i + 7 - j] = t;
    }
  }
  return this;
};

// --- inspection ----------------------------------------------------------------

const isIndexKey = (key) => typeof key === 'string' && /^(0|[1-9][0-9]*)$/.test(key);

Buffer.prototype[customInspectSymbol] = function inspect(recurseTimes, ctx) {
  const max = INSPECT_MAX_BYTES;
  const actualMax = Math.min(max, this.length);
  const remaining = this.length - max;
  let str = native.toString(this, ENC_HEX, 0, actualMax).replace(/(.{2})/g, '$1 ').trim();
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  if (ctx) {
    let extras = false;
    const obj = { __proto__: null };
    for (const key of Reflect.ownKeys(this)) {
      if (isIndexKey(key)) continue;
      if (!ctx.showHidden && !Object.prototype.propertyIsEnumerable.call(this, key)) continue;
      extras = true;
      obj[key] = this[key];
    }
    if (extras) {
      const { inspect: utilInspect } = require('internal/inspect');
      if (this.length !== 0) str += ', ';
      // '[Object: null prototype] {'.length === 26
      str += utilInspect(obj, { ...ctx, breakLength: Infinity, compact: true }).slice(27, -2);
    }
  }
  return `<${this.constructor.name} ${str}>`;
};
Buffer.prototype.inspect = Buffer.prototype[customInspectSymbol];

require('internal/buffer_rw').addReadWrite(Buffer.prototype);

// --- module functions ------------------------------------------------------------

function isUtf8(input) {
  if (typedArrayName(input) !== undefined || isAnyArrayBuffer(input)) return native.isUtf8(input);
  throw new ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
}

function isAscii(input) {
  if (typedArrayName(input) !== undefined || isAnyArrayBuffer(input)) return native.isAscii(input);
  throw new ERR_INVALID_ARG_TYPE('input', ['ArrayBuffer', 'Buffer', 'TypedArray'], input);
}

function invalidCharacter(message) {
  const D = globalThis.DOMException;
  if (typeof D === 'function') return new D(message, 'InvalidCharacterError');
  const err = new Error(message);
  err.name = 'InvalidCharacterError';
  err.code = 5;
  return err;
}

function btoa(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
  input = `${input}`;
  for (let n = 0; n < input.length; n++) {
    if (input.charCodeAt(n) > 0xff) throw invalidCharacter('Invalid character');
  }
  return native.toString(fromString(input, 'latin1'), ENC_BASE64);
}

// The forgiving-base64 alphabet: ASCII whitespace first, then '=' ...
const kForgivingBase64AllowedChars = [
  0x09, 0x0A, 0x0C, 0x0D, 0x20,
  ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
    .split('').map((c) => c.charCodeAt(0)),
  0x3D,
];
const kEqualSignIndex = kForgivingBase64AllowedChars.indexOf(0x3D);

function atob(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
  input = `${input}`;
  let nonAsciiWhitespaceCharCount = 0;
  let equalCharCount = 0;
  for (let n = 0; n < input.length; n++) {
    const index = kForgivingBase64AllowedChars.indexOf(input.charCodeAt(n));
    if (index > 4) {
      nonAsciiWhitespaceCharCount++;
      if (index === kEqualSignIndex) {
        equalCharCount++;
      } else if (equalCharCount) {
        throw invalidCharacter('Invalid character');
      }
      if (equalCharCount > 2) throw invalidCharacter('Invalid character');
    } else if (index === -1) {
      throw invalidCharacter('Invalid character');
    }
  }
  let reminder = nonAsciiWhitespaceCharCount % 4;
  if (!reminder) {
    reminder = (nonAsciiWhitespaceCharCount - equalCharCount) % 4;
  } else if (equalCharCount) {
    throw invalidCharacter('Invalid character');
  }
  if (reminder === 1) {
    throw invalidCharacter('The string to be decoded is not correctly encoded.');
  }
  return native.toString(fromString(input, 'base64'), ENC_LATIN1);
}

// transcode(source, from, to), with the rules of Node's ICU-based one:
// strict UTF-8 -> UTF-16 and UTF-16 -> UTF-8 (invalid input throws),
// U+FFFD for invalid input elsewhere, '?' for what latin1 or ascii cannot
// hold, and ascii or latin1 to UTF-16 as a plain widening of the bytes.
function transcodeError(code, errno) {
  const err = new Error(`Unable to transcode Buffer [${code}]`);
  err.code = code;
  err.errno = errno;
  return err;
}

function transcode(source, fromEncoding, toEncoding) {
  if (!isUint8Array(source)) {
    throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
  }
  if (source.length === 0) return Buffer.alloc(0);
  const from = normalizeEncoding(fromEncoding) || fromEncoding;
  const to = normalizeEncoding(toEncoding) || toEncoding;
  const ok = (e) => e === 'utf8' || e === 'utf16le' || e === 'latin1' || e === 'ascii';
  if (!ok(from) || !ok(to)) throw transcodeError('U_ILLEGAL_ARGUMENT_ERROR', 1);
  const n = source.length;
  let text;
  if (from === 'utf16le') {
    text = native.toString(source, ENC_UCS2, 0, n);
    if (to === 'utf8' && !text.isWellFormed()) throw transcodeError('U_INVALID_CHAR_FOUND', 10);
    if (to === 'utf16le') text = text.toWellFormed();
  } else if (from === 'utf8') {
    if (to === 'utf16le' && !native.isUtf8(source)) throw transcodeError('U_INVALID_CHAR_FOUND', 10);
    text = native.toString(source, ENC_UTF8, 0, n);
  } else {
    text = native.toString(source, ENC_LATIN1, 0, n);
    if (from === 'ascii' && to !== 'utf16le') text = text.replace(/[\x80-\xff]/g, '\ufffd');
  }
  if (to === 'latin1') text = text.replace(/[^\x00-\xff]/gu, '?');
  else if (to === 'ascii') text = text.replace(/[^\x00-\x7f]/gu, '?');
  return fromString(text, to);
}

module.exports = {
  Buffer,
  SlowBuffer,
  transcode,
  isUtf8,
  isAscii,
  kMaxLength,
  kStringMaxLength,
  btoa,
  atob,
  constants,
  INSPECT_MAX_BYTES: undefined,
  Blob: undefined,
  resolveObjectURL: undefined,
  File: undefined,
};

Object.defineProperties(module.exports, {
  INSPECT_MAX_BYTES: {
    configurable: true, enumerable: true,
    get() { return INSPECT_MAX_BYTES; },
    set(val) {
      validateNumber(val, 'INSPECT_MAX_BYTES', 0);
      INSPECT_MAX_BYTES = val;
    },
  },
  Blob: {
    configurable: true, enumerable: true,
    get() { return require('internal/blob').Blob; },
  },
  File: {
    configurable: true, enumerable: true,
    get() { return require('internal/blob').File; },
  },
  resolveObjectURL: {
    configurable: true, enumerable: true,
    get() { return require('internal/blob').resolveObjectURL; },
  },
});

// For string_decoder and the encoders, not part of node:buffer.
Object.defineProperty(module.exports, Symbol.for('nodec.buffer.internal'), {
  value: { FastBuffer, normalizeEncoding, native, encodingOps },
});
