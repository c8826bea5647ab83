'use strict';
// Blob and File (node:buffer, and the globals).  A blob's bytes are an
// immutable list of parts; slice() shares them, reading concatenates
// only what is asked for.

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_THIS,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const { isAnyArrayBuffer } = require('internal/types');
const { native } = require('buffer')[Symbol.for('nodec.buffer.internal')];

const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');
const kState = Symbol('kState');
const kInspectFields = Symbol('kInspectFields');

function state(obj) {
  const s = obj !== null && typeof obj === 'object' ? obj[kState] : undefined;
  if (s === undefined) throw new ERR_INVALID_THIS('Blob');
  return s;
}

function isSequence(v) {
  return v != null && typeof v === 'object' && typeof v[Symbol.iterator] === 'function';
}

function encodeUtf8(s) {
  return s.length === 0 ? new Uint8Array(0) : new Uint8Array(native.fromString(s, 0));
}

// Each source as its own bytes (copied: later changes to an ArrayBuffer
// must not show through the blob).
function partsOf(sources, endings) {
  const parts = [];
  for (const source of sources) {
    if (source !== null && typeof source === 'object' && source[kState] !== undefined) {
      const s = source[kState];
      for (const p of s.parts) parts.push(p);
    } else if (isAnyArrayBuffer(source)) {
      parts.push(new Uint8Array(source.slice(0)));
    } else if (ArrayBuffer.isView(source)) {
      parts.push(new Uint8Array(source.buffer, source.byteOffset, source.byteLength).slice());
    } else {
      let text = `${source}`;
      if (endings === 'native') text = text.replace(/\r?\n/g, '\n');
      parts.push(encodeUtf8(text));
    }
  }
  return parts.filter((p) => p.length > 0);
}

function normalizeType(type) {
  type = `${type}`;
  return /^[\x20-\x7e]*$/.test(type) ? type.toLowerCase() : '';
}

function makeState(parts, type) {
  let size = 0;
  for (const p of parts) size += p.length;
  return { parts, size, type };
}

function concatParts(parts, size) {
  const out = new Uint8Array(size);
  let pos = 0;
  for (const p of parts) {
    out.set(p, pos);
    pos += p.length;
  }
  return out;
}

class Blob {
  constructor(sources = [], options) {
    if (!isSequence(sources)) {
      throw new ERR_INVALID_ARG_TYPE('sources', 'a sequence', sources);
    }
    if (options !== undefined && options !== null && typeof options !== 'object') {
      throw new ERR_INVALID_ARG_TYPE('options', 'a dictionary', options);
    }
    const { type = '', endings = 'transparent' } = options ?? {};
    const end = `${endings}`;
    if (end !== 'transparent' && end !== 'native') {
      throw new ERR_INVALID_ARG_VALUE('options.endings', endings);
    }
    this[kState] = makeState(partsOf(sources, end), normalizeType(type));
  }

  get type() { return state(this).type; }
  get size() { return state(this).size; }

  slice(start = 0, end = undefined, contentType = '') {
    const s = state(this);
    const size = s.size;
    const clamp = (v) => {
      v = Math.trunc(+v) || 0;
      if (v < 0) return Math.max(size + v, 0);
      return Math.min(v, size);
    };
    const from = clamp(start);
    const to = end === undefined ? size : clamp(end);
    const parts = [];
    let pos = 0;
    for (const p of s.parts) {
      const a = Math.max(from - pos, 0);
      const b = Math.min(to - pos, p.length);
      if (a < b) parts.push(a === 0 && b === p.length ? p : p.subarray(a, b));
      pos += p.length;
      if (pos >= to) break;
    }
    const blob = Object.create(Blob.prototype);
    blob[kState] = makeState(parts, normalizeType(contentType));
    return blob;
  }

  arrayBuffer() {
    let s;
    try {
      s = state(this);
    } catch (err) {
      return Promise.reject(err);
    }
    return Promise.resolve(concatParts(s.parts, s.size).buffer);
  }

  text() {
    // Through arrayBuffer(), so it settles a step later, as in Node.
    return this.arrayBuffer().then((ab) =>
      (ab.byteLength === 0 ? '' : native.toString(ab, 0, 0, ab.byteLength)));
  }

  bytes() {
    let s;
    try {
      s = state(this);
    } catch (err) {
      return Promise.reject(err);
    }
    return Promise.resolve(concatParts(s.parts, s.size));
  }

  // A web ReadableStream of the bytes, when the runtime has web streams.
  stream() {
    const s = state(this);
    const RS = globalThis.ReadableStream;
    if (typeof RS !== 'function') throw new ERR_METHOD_NOT_IMPLEMENTED('stream()');
    let i = 0;
    return new RS({
      type: 'bytes',
      pull(controller) {
        if (i < s.parts.length) controller.enqueue(s.parts[i++].slice());
        else controller.close();
      },
    });
  }

  [customInspectSymbol](depth, options) {
    if (depth < 0) return this;
    const { inspect } = require('internal/inspect');
    const opts = { ...options, depth: options.depth == null ? null : options.depth - 1 };
    return `${this.constructor.name} ${inspect(this[kInspectFields](), opts)}`;
  }
}

Object.defineProperty(Blob.prototype, kInspectFields, {
  enumerable: false, configurable: true, writable: true,
  value: function inspectFields() {
    return { size: this.size, type: this.type };
  },
});

Object.defineProperties(Blob.prototype, {
  size: { enumerable: true },
  type: { enumerable: true },
  slice: { enumerable: true },
  stream: { enumerable: true },
  text: { enumerable: true },
  arrayBuffer: { enumerable: true },
  bytes: { enumerable: true },
  [Symbol.toStringTag]: { configurable: true, value: 'Blob' },
});

const kFile = Symbol('kFile');

class File extends Blob {
  constructor(fileBits, fileName, options = {}) {
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('fileBits', 'fileName');
    super(fileBits, options);
    let lastModified = options !== null && options !== undefined ? options.lastModified : undefined;
    if (lastModified !== undefined) {
      lastModified = +lastModified;
      if (Number.isNaN(lastModified)) lastModified = 0;
      else lastModified = Math.trunc(lastModified);
    } else {
      lastModified = Date.now();
    }
    this[kFile] = { name: `${fileName}`, lastModified };
  }

  get name() {
    if (this === null || typeof this !== 'object' || this[kFile] === undefined) {
      throw new ERR_INVALID_THIS('File');
    }
    return this[kFile].name;
  }

  get lastModified() {
    if (this === null || typeof this !== 'object' || this[kFile] === undefined) {
      throw new ERR_INVALID_THIS('File');
    }
    return this[kFile].lastModified;
  }
}

Object.defineProperty(File.prototype, kInspectFields, {
  enumerable: false, configurable: true, writable: true,
  value: function inspectFields() {
    return { size: this.size, type: this.type, name: this.name, lastModified: this.lastModified };
  },
});
Object.defineProperties(File.prototype, {
  name: { enumerable: true },
  lastModified: { enumerable: true },
  [Symbol.toStringTag]: { configurable: true, value: 'File' },
});

// No blob: URLs are ever registered here (URL.createObjectURL belongs to
// the url module), so every id resolves to nothing, as Node answers for
// unknown ids.
function resolveObjectURL(url) {
  url = `${url}`;
  void url;
  return undefined;
}

module.exports = { Blob, File, resolveObjectURL };
