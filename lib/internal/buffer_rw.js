'use strict';
// The read*/write* methods of Buffer.prototype: integers of 1 to 6 bytes,
// 64-bit BigInts and IEEE floats, big- and little-endian, with Node's
// checks and error messages (offset first, then the value's range, each
// message worded as Node words it).

const {
  codes: { ERR_BUFFER_OUT_OF_BOUNDS, ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE },
} = require('internal/errors');

function validateNumber(value, name) {
  if (typeof value !== 'number') throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
}

function boundsError(value, length, type) {
  if (Math.floor(value) !== value) {
    validateNumber(value, type);
    throw new ERR_OUT_OF_RANGE(type || 'offset', 'an integer', value);
  }
  if (length < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS();
  throw new ERR_OUT_OF_RANGE(type || 'offset',
    `>= ${type ? 1 : 0} and <= ${length}`, value);
}

function checkBounds(buf, offset, byteLength1) {
  validateNumber(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + byteLength1] === undefined) {
    boundsError(offset, buf.length - (byteLength1 + 1));
  }
}

// byteLength1 is the byte length less one, as in Node.
function checkInt(value, min, max, buf, offset, byteLength1) {
  if (value > max || value < min) {
    const n = typeof min === 'bigint' ? 'n' : '';
    let range;
    if (byteLength1 > 3) {
      if (min === 0 || min === 0n) {
        range = `>= 0${n} and < 2${n} ** ${(byteLength1 + 1) * 8}${n}`;
      } else {
        range = `>= -(2${n} ** ${(byteLength1 + 1) * 8 - 1}${n}) and ` +
          `< 2${n} ** ${(byteLength1 + 1) * 8 - 1}${n}`;
      }
    } else {
      range = `>= ${min}${n} and <= ${max}${n}`;
    }
    throw new ERR_OUT_OF_RANGE('value', range, value);
  }
  checkBounds(buf, offset, byteLength1);
}

// --- integers of 1..6 bytes ---------------------------------------------------

function readBytes(buf, offset, size, le, signed) {
  validateNumber(offset, 'offset');
  const first = buf[offset];
  const last = buf[offset + size - 1];
  if (first === undefined || last === undefined) boundsError(offset, buf.length - size);
  let v = 0;
  if (le) {
    for (let i = size - 1; i >= 0; i--) v = v * 256 + buf[offset + i];
  } else {
    for (let i = 0; i < size; i++) v = v * 256 + buf[offset + i];
  }
  if (signed && v >= 2 ** (size * 8 - 1)) v -= 2 ** (size * 8);
  return v;
}

function writeBytes(buf, value, offset, size, le, min, max) {
  value = +value;
  if (size === 1) {
    // One byte: the value is checked first and the bound message is
    // Node's for writeU_Int8.
    validateNumber(offset, 'offset');
    if (value > max || value < min) {
      throw new ERR_OUT_OF_RANGE('value', `>= ${min} and <= ${max}`, value);
    }
    if (buf[offset] === undefined) boundsError(offset, buf.length - 1);
    buf[offset] = value;
    return offset + 1;
  }
  checkInt(value, min, max, buf, offset, size - 1);
  // The low 32 bits as ToUint32 gives them, the rest from the quotient.
  let lo = value >>> 0;
  let hi = size > 4 ? Math.floor(value * 2 ** -32) >>> 0 : 0;
  for (let i = 0; i < size; i++) {
    const byte = i < 4 ? lo & 0xff : hi & 0xff;
    if (i < 4) lo >>>= 8;
    else hi >>>= 8;
    buf[le ? offset + i : offset + size - 1 - i] = byte;
  }
  return offset + size;
}

const MAX = [0, 0xff, 0xffff, 0xffffff, 0xffffffff, 0xffffffffff, 0xffffffffffff];

function variable(kind) {
  // readUIntLE(offset, byteLength) and friends: the byteLength error.
  return (byteLength) => {
    if (byteLength >= 1 && byteLength <= 6 && Number.isInteger(byteLength)) return;
    boundsError(byteLength, 6, 'byteLength');
    void kind;
  };
}

// --- floats ---------------------------------------------------------------------

const f32 = new Float32Array(1);
const f32b = new Uint8Array(f32.buffer);
const f64 = new Float64Array(1);
const f64b = new Uint8Array(f64.buffer);
const bigEndianHost = new Uint8Array(new Uint16Array([1]).buffer)[0] === 0;

function readFloat(buf, offset, size, le) {
  validateNumber(offset, 'offset');
  const first = buf[offset];
  const last = buf[offset + size - 1];
  if (first === undefined || last === undefined) boundsError(offset, buf.length - size);
  const bytes = size === 4 ? f32b : f64b;
  const rev = le === bigEndianHost;
  for (let i = 0; i < size; i++) bytes[rev ? size - 1 - i : i] = buf[offset + i];
  return size === 4 ? f32[0] : f64[0];
}

function writeFloat(buf, value, offset, size, le) {
  value = +value;
  checkBounds(buf, offset, size - 1);
  const bytes = size === 4 ? f32b : f64b;
  if (size === 4) f32[0] = value;
  else f64[0] = value;
  const rev = le === bigEndianHost;
  for (let i = 0; i < size; i++) buf[offset + i] = bytes[rev ? size - 1 - i : i];
  return offset + size;
}

// --- BigInt ---------------------------------------------------------------------

function readBig(buf, offset, le, signed) {
  validateNumber(offset, 'offset');
  const first = buf[offset];
  const last = buf[offset + 7];
  if (first === undefined || last === undefined) boundsError(offset, buf.length - 8);
  let v = 0n;
  for (let i = 0; i < 8; i++) v = (v << 8n) | BigInt(buf[offset + (le ? 7 - i : i)]);
  return signed ? BigInt.asIntN(64, v) : v;
}

function writeBig(buf, value, offset, le, min, max) {
  checkInt(value, min, max, buf, offset, 7);
  let lo = Number(value & 0xffffffffn);
  let hi = Number((value >> 32n) & 0xffffffffn);
  for (let i = 0; i < 8; i++) {
    const byte = i < 4 ? lo & 0xff : hi & 0xff;
    if (i < 4) lo >>>= 8;
    else hi >>>= 8;
    buf[le ? offset + i : offset + 7 - i] = byte;
  }
  return offset + 8;
}

// --- the methods ------------------------------------------------------------------

function named(name, fn) {
  Object.defineProperty(fn, 'name', { value: name });
  return fn;
}

function addReadWrite(proto) {
  const methods = {};
  const sizes = { 8: 1, 16: 2, 32: 4 };
  for (const bits of [8, 16, 32]) {
    const size = sizes[bits];
    const ends = bits === 8 ? [''] : ['LE', 'BE'];
    for (const end of ends) {
      const le = end !== 'BE';
      methods[`readUInt${bits}${end}`] = named(`readUInt${bits}${end}`,
        function(offset = 0) { return readBytes(this, offset, size, le, false); });
      methods[`readInt${bits}${end}`] = named(`readInt${bits}${end}`,
        function(offset = 0) { return readBytes(this, offset, size, le, true); });
      const umax = MAX[size];
      const smax = 2 ** (bits - 1) - 1;
      const smin = -(2 ** (bits - 1));
      methods[`writeUInt${bits}${end}`] = named(`writeUInt${bits}${end}`,
        function(value, offset = 0) { return writeBytes(this, value, offset, size, le, 0, umax); });
      methods[`writeInt${bits}${end}`] = named(`writeInt${bits}${end}`,
        function(value, offset = 0) { return writeBytes(this, value, offset, size, le, smin, smax); });
    }
  }
  for (const end of ['LE', 'BE']) {
    const le = end === 'LE';
    const checkLen = variable(end);
    methods[`readUInt${end}`] = named(`readUInt${end}`, function(offset, byteLength) {
      if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
      checkLen(byteLength);
      return readBytes(this, offset, byteLength, le, false);
    });
    methods[`readInt${end}`] = named(`readInt${end}`, function(offset, byteLength) {
      if (offset === undefined) throw new ERR_INVALID_ARG_TYPE('offset', 'number', offset);
      checkLen(byteLength);
      return readBytes(this, offset, byteLength, le, true);
    });
    methods[`writeUInt${end}`] = named(`writeUInt${end}`, function(value, offset, byteLength) {
      checkLen(byteLength);
      return writeBytes(this, value, offset, byteLength, le, 0, MAX[byteLength]);
    });
    methods[`writeInt${end}`] = named(`writeInt${end}`, function(value, offset, byteLength) {
      checkLen(byteLength);
      const bits = byteLength * 8;
      return writeBytes(this, value, offset, byteLength, le,
        -(2 ** (bits - 1)), 2 ** (bits - 1) - 1);
    });
    // Node names the float methods by the host's byte order: on a
    // little-endian machine readFloatLE is "readFloatForwards".
    const dir = le !== bigEndianHost ? 'Forwards' : 'Backwards';
    methods[`readFloat${end}`] = named(`readFloat${dir}`,
      function(offset = 0) { return readFloat(this, offset, 4, le); });
    methods[`readDouble${end}`] = named(`readDouble${dir}`,
      function(offset = 0) { return readFloat(this, offset, 8, le); });
    methods[`writeFloat${end}`] = named(`writeFloat${dir}`,
      function(value, offset = 0) { return writeFloat(this, value, offset, 4, le); });
    methods[`writeDouble${end}`] = named(`writeDouble${dir}`,
      function(value, offset = 0) { return writeFloat(this, value, offset, 8, le); });
    methods[`readBigUInt64${end}`] = named(`readBigUInt64${end}`,
      function(offset = 0) { return readBig(this, offset, le, false); });
    methods[`readBigInt64${end}`] = named(`readBigInt64${end}`,
      function(offset = 0) { return readBig(this, offset, le, true); });
    methods[`writeBigUInt64${end}`] = named(`writeBigUInt64${end}`,
      function(value, offset = 0) {
        return writeBig(this, value, offset, le, 0n, 0xffffffffffffffffn);
      });
    methods[`writeBigInt64${end}`] = named(`writeBigInt64${end}`,
      function(value, offset = 0) {
        return writeBig(this, value, offset, le, -(2n ** 63n), 2n ** 63n - 1n);
      });
  }
  for (const name of Object.keys(methods)) {
    proto[name] = methods[name];
    // Node's lower-case aliases (readUint8, writeBigUint64LE, ...) are the
    // same function objects.
    if (name.includes('UInt')) proto[name.replace('UInt', 'Uint')] = methods[name];
  }
}

module.exports = { addReadWrite };
