'use strict';
// TextEncoder and TextDecoder (the WHATWG Encoding Standard), the globals
// and util.TextEncoder/TextDecoder.  Decoders: UTF-8, UTF-16LE, UTF-16BE
// and windows-1252 (which Node 20 decodes byte for byte, as latin1), each
// with `fatal`, `ignoreBOM` and streaming.  Other labels Node knows
// through ICU throw ERR_ENCODING_NOT_SUPPORTED here.

const { native } = require('buffer')[Symbol.for('nodec.buffer.internal')];
const {
  codes: {
    ERR_ENCODING_INVALID_ENCODED_DATA,
    ERR_ENCODING_NOT_SUPPORTED,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const { isAnyArrayBuffer } = require('internal/types');

const ENC_UTF8 = 0;
const ENC_UCS2 = 1;
const ENC_LATIN1 = 2;

const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');

// --- labels ------------------------------------------------------------------

const labels = new Map();
for (const [name, list] of [
  ['utf-8', ['unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf-8',
    'utf8', 'x-unicode20utf8']],
  ['utf-16le', ['csunicode', 'iso-10646-ucs-2', 'ucs-2', 'unicode',
    'unicodefeff', 'utf-16', 'utf-16le']],
  ['utf-16be', ['unicodefffe', 'utf-16be']],
  ['windows-1252', ['ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819',
    'csisolatin1', 'ibm819', 'iso-8859-1', 'iso-ir-100', 'iso8859-1',
    'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1', 'latin1', 'us-ascii',
    'windows-1252', 'x-cp1252']],
]) {
  for (const label of list) labels.set(label, name);
}

function getEncodingFromLabel(label) {
  const enc = labels.get(label);
  if (enc !== undefined) return enc;
  // Trim ASCII whitespace and lower-case, as the standard says.
  return labels.get(label.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '').toLowerCase());
}

// --- TextEncoder ----------------------------------------------------------------

const encodeIntoResult = new Uint32Array(2);

const encoders = new WeakSet();
function validateEncoder(obj) {
  if (!encoders.has(obj)) throw new ERR_INVALID_THIS('TextEncoder');
}

class TextEncoder {
  constructor() {
    encoders.add(this);
  }

  get encoding() {
    validateEncoder(this);
    return 'utf-8';
  }

  encode(input = '') {
    validateEncoder(this);
    const s = `${input}`;
    if (s.length === 0) return new Uint8Array(0);
    return new Uint8Array(native.fromString(s, ENC_UTF8));
  }

  encodeInto(src, dest) {
    validateEncoder(this);
    if (typeof src !== 'string') throw new ERR_INVALID_ARG_TYPE('src', 'string', src);
    if (!(ArrayBuffer.isView(dest) && dest instanceof Uint8Array)) {
      throw new ERR_INVALID_ARG_TYPE('dest', 'Uint8Array', dest);
    }
    native.encodeInto(src, dest, encodeIntoResult);
    return { read: encodeIntoResult[0], written: encodeIntoResult[1] };
  }

  [customInspectSymbol](depth, opts) {
    validateEncoder(this);
    if (typeof depth === 'number' && depth < 0) return this;
    const { inspect } = require('internal/inspect');
    return inspect({ encoding: this.encoding }, opts);
  }
}

Object.defineProperties(TextEncoder.prototype, {
  encode: { enumerable: true },
  encodeInto: { enumerable: true },
  encoding: { enumerable: true },
  [Symbol.toStringTag]: { configurable: true, value: 'TextEncoder' },
});

// --- TextDecoder ------------------------------------------------------------------

const kState = Symbol('kState');

function validateDecoder(obj) {
  if (obj === null || typeof obj !== 'object' || obj[kState] === undefined) {
    throw new ERR_INVALID_THIS('TextDecoder');
  }
  return obj[kState];
}

function invalidInput() {
  const err = new ERR_INVALID_ARG_TYPE('input', 'ArrayBuffer', 0);
  const message = 'The "list" argument must be an instance of SharedArrayBuffer, ' +
    'ArrayBuffer or ArrayBufferView.';
  err.message = message;
  if (typeof err.stack === 'string') {
    err.stack = `TypeError [ERR_INVALID_ARG_TYPE]: ${message}` +
      err.stack.slice(err.stack.indexOf('\n'));
  }
  return err;
}

function bytesOf(input) {
  if (input === undefined) return new Uint8Array(0);
  if (isAnyArrayBuffer(input)) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) {
    return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  }
  throw invalidInput();
}

function concatBytes(a, b) {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

// How many bytes at the end of a chunk begin a UTF-8 character that the
// next chunk may still complete (a valid prefix of a sequence).
function utf8IncompleteTail(bytes) {
  const n = bytes.length;
  for (let back = 1; back <= 3 && back <= n; back++) {
    const b = bytes[n - back];
    if ((b & 0xC0) === 0x80) continue;
    let need = 0;
    let lo = 0x80;
    let hi = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) need = 2;
    else if (b >= 0xE0 && b <= 0xEF) {
      need = 3;
      if (b === 0xE0) lo = 0xA0;
      else if (b === 0xED) hi = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      need = 4;
      if (b === 0xF0) lo = 0x90;
      else if (b === 0xF4) hi = 0x8F;
    }
    if (need <= back) return 0;
    if (back >= 2) {
      const c = bytes[n - back + 1];
      if (c < lo || c > hi) return 0;
    }
    return back;
  }
  return 0;
}

function swapBytes(bytes) {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    out[i] = bytes[i + 1];
    out[i + 1] = bytes[i];
  }
  return out;
}

class TextDecoder {
  constructor(encoding = 'utf-8', options = {}) {
    encoding = `${encoding}`;
    if (options !== null && options !== undefined && typeof options !== 'object' &&
        typeof options !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    if (options === null || options === undefined) options = {};
    const enc = getEncodingFromLabel(encoding);
    if (enc === undefined) throw new ERR_ENCODING_NOT_SUPPORTED(encoding);
    this[kState] = {
      encoding: enc,
      fatal: Boolean(options.fatal),
      ignoreBOM: Boolean(options.ignoreBOM),
      pending: new Uint8Array(0),
      bomSeen: false,
    };
  }

  decode(input = undefined, options = {}) {
    const s = validateDecoder(this);
    let bytes = bytesOf(input);
    if (options !== null && options !== undefined && typeof options !== 'object' &&
        typeof options !== 'function') {
      throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    const stream = options != null && Boolean(options.stream);
    bytes = concatBytes(s.pending, bytes);
    s.pending = new Uint8Array(0);

    let text;
    if (s.encoding === 'windows-1252') {
      text = bytes.length === 0 ? '' : native.toString(bytes, ENC_LATIN1, 0, bytes.length);
    } else if (s.encoding === 'utf-8') {
      let end = bytes.length;
      if (stream) {
        const tail = utf8IncompleteTail(bytes);
        end -= tail;
        if (tail > 0) s.pending = bytes.slice(end);
      }
      const body = end === bytes.length ? bytes : bytes.subarray(0, end);
      if (s.fatal && !native.isUtf8(body)) {
        this.#reset(s);
        throw new ERR_ENCODING_INVALID_ENCODED_DATA('utf-8');
      }
      text = end === 0 ? '' : native.toString(body, ENC_UTF8, 0, end);
    } else {
      let end = bytes.length;
      let odd = false;
      if (end % 2 === 1) {
        end--;
        if (stream) s.pending = bytes.slice(end);
        else odd = true;
      }
      const big = s.encoding === 'utf-16be';
      if (stream && end >= 2) {
        const hiByte = big ? bytes[end - 2] : bytes[end - 1];
        if ((hiByte & 0xFC) === 0xD8) {
          s.pending = concatBytes(bytes.slice(end - 2, end), s.pending);
          end -= 2;
        }
      }
      let body = bytes.subarray(0, end);
      if (big) body = swapBytes(body);
      text = end === 0 ? '' : native.toString(body, ENC_UCS2, 0, end);
      if (s.fatal && (odd || !text.isWellFormed())) {
        this.#reset(s);
        throw new ERR_ENCODING_INVALID_ENCODED_DATA(s.encoding);
      }
      // A lead surrogate and then a lone byte at the end are one error.
      if (odd && text.length > 0 && (text.charCodeAt(text.length - 1) & 0xFC00) === 0xD800) {
        text = text.slice(0, -1);
      }
      text = text.toWellFormed();
      if (odd) text += '\ufffd';
    }

    if (!s.ignoreBOM && !s.bomSeen && text.length > 0 && s.encoding !== 'windows-1252') {
      if (text.charCodeAt(0) === 0xFEFF) text = text.slice(1);
      s.bomSeen = true;
    }
    if (!stream) this.#reset(s);
    return text;
  }

  get encoding() { return validateDecoder(this).encoding; }
  get fatal() { return validateDecoder(this).fatal; }
  get ignoreBOM() { return validateDecoder(this).ignoreBOM; }

  #reset(s) {
    s.pending = new Uint8Array(0);
    s.bomSeen = false;
  }

  [customInspectSymbol](depth, opts) {
    validateDecoder(this);
    if (typeof depth === 'number' && depth < 0) return this;
    const { inspect } = require('internal/inspect');
    const obj = { encoding: this.encoding, fatal: this.fatal, ignoreBOM: this.ignoreBOM };
    void opts;
    return `${this.constructor.name} ${inspect(obj)}`;
  }
}

Object.defineProperties(TextDecoder.prototype, {
  decode: { enumerable: true },
  encoding: { enumerable: true },
  fatal: { enumerable: true },
  ignoreBOM: { enumerable: true },
  [Symbol.toStringTag]: { configurable: true, value: 'TextDecoder' },
});

module.exports = { TextEncoder, TextDecoder };
