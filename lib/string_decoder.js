'use strict';
// node:string_decoder - decodes a stream of byte chunks into strings,
// holding back a character cut at the end of a chunk until the next one
// completes it.  The rules for what is held back, and what end() makes of
// it, follow Node's decoder exactly (for UTF-8 they also decide how many
// U+FFFD an invalid or cut sequence becomes, as V8's decoder would).

const { Buffer } = require('buffer');
const { FastBuffer, normalizeEncoding, native } =
  require('buffer')[Symbol.for('nodec.buffer.internal')];
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_THIS, ERR_UNKNOWN_ENCODING },
} = require('internal/errors');

const ENC = { utf8: 0, utf16le: 1, latin1: 2, ascii: 3, base64: 4, base64url: 5, hex: 6 };

const kState = Symbol('kState');

function decoderState(self) {
  const s = self !== null && typeof self === 'object' ? self[kState] : undefined;
  if (s === undefined) throw new ERR_INVALID_THIS('StringDecoder');
  return s;
}

function StringDecoder(encoding) {
  const nenc = normalizeEncoding(encoding);
  if (nenc === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  this.encoding = nenc;
  this[kState] = {
    enc: ENC[nenc],
    chars: new FastBuffer(4), // the incomplete character
    buffered: 0,
    missing: 0,
  };
}

function decode(s, bytes) {
  return bytes.length === 0 ? '' : native.toString(bytes, s.enc, 0, bytes.length);
}

function decodeData(s, data) {
  const enc = s.enc;
  if (enc !== 0 && enc !== 1 && enc !== 4 && enc !== 5) return decode(s, data);
  let prepend = '';
  let start = 0;
  let nread = data.length;
  if (s.missing > 0) {
    if (enc === 0) {
      // A byte that should continue the character but does not starts
      // a new one; what was held back is decoded as it is.
      for (let i = 0; i < nread && i < s.missing; ++i) {
        if ((data[i] & 0xC0) !== 0x80) {
          s.missing = 0;
          s.chars.set(data.subarray(0, i), s.buffered);
          s.buffered += i;
          start += i;
          nread -= i;
          break;
        }
      }
    }
    const found = Math.min(nread, s.missing);
    s.chars.set(data.subarray(start, start + found), s.buffered);
    start += found;
    nread -= found;
    s.missing -= found;
    s.buffered += found;
    if (s.missing === 0) {
      prepend = decode(s, s.chars.subarray(0, s.buffered));
      s.buffered = 0;
    }
  }
  if (nread === 0) return prepend;

  // Is the last character of this chunk cut short?
  const end = start + nread;
  if (enc === 0 && (data[end - 1] & 0x80)) {
    for (let i = end - 1; ; --i) {
      s.buffered++;
      if ((data[i] & 0xC0) === 0x80) {
        if (s.buffered >= 4 || i === start) {
          s.buffered = 0;
          break;
        }
      } else {
        if ((data[i] & 0xE0) === 0xC0) s.missing = 2;
        else if ((data[i] & 0xF0) === 0xE0) s.missing = 3;
        else if ((data[i] & 0xF8) === 0xF0) s.missing = 4;
        else {
          s.buffered = 0;
          break;
        }
        if (s.buffered >= s.missing) {
          s.missing = 0;
          s.buffered = 0;
        }
        s.missing -= s.buffered;
        break;
      }
    }
  } else if (enc === 1) {
    if (nread % 2 === 1) {
      s.buffered = 1;
      s.missing = 1;
    } else if ((data[end - 1] & 0xFC) === 0xD8) {
      s.buffered = 2;
      s.missing = 2;
    }
  } else if (enc === 4 || enc === 5) {
    s.buffered = nread % 3;
    if (s.buffered > 0) s.missing = 3 - s.buffered;
  }
  let bodyEnd = end;
  if (s.buffered > 0) {
    bodyEnd -= s.buffered;
    s.chars.set(data.subarray(bodyEnd, end), 0);
  }
  return prepend + decode(s, data.subarray(start, bodyEnd));
}

function toBytes(buf) {
  if (typeof buf === 'string') return buf;
  if (!ArrayBuffer.isView(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['Buffer', 'TypedArray', 'DataView'], buf);
  }
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

StringDecoder.prototype.write = function write(buf) {
  const bytes = toBytes(buf);
  if (typeof bytes === 'string') return bytes;
  return decodeData(decoderState(this), bytes);
};

StringDecoder.prototype.end = function end(buf) {
  let ret = '';
  if (buf !== undefined) ret = this.write(buf);
  const s = decoderState(this);
  if (s.buffered > 0) {
    if (s.enc === 1 && s.buffered % 2 === 1) {
      s.missing--;
      s.buffered--;
    }
    if (s.buffered > 0) ret += decode(s, s.chars.subarray(0, s.buffered));
  }
  s.buffered = 0;
  s.missing = 0;
  return ret;
};

StringDecoder.prototype.text = function text(buf, offset) {
  const s = decoderState(this);
  s.missing = 0;
  s.buffered = 0;
  return this.write(buf.slice(offset));
};

Object.defineProperties(StringDecoder.prototype, {
  lastChar: {
    configurable: true, enumerable: true,
    get() { return decoderState(this).chars.subarray(0, 4); },
  },
  lastNeed: {
    configurable: true, enumerable: true,
    get() { return decoderState(this).missing; },
  },
  lastTotal: {
    configurable: true, enumerable: true,
    get() {
      const s = decoderState(this);
      return s.buffered + s.missing;
    },
  },
});

void Buffer;
module.exports = { StringDecoder };
