// node:querystring - parse and serialize application/x-www-form-urlencoded
// style strings the way Node always has: null-prototype results, arrays
// for repeated keys, '+' as space, lenient decoding of bad escapes.
'use strict';

const { codes } = require('internal/errors');
const { percentDecodeBytes, utf8Decode } = require('internal/url/parser');

// The bytes of s with every valid %XX decoded (and '+' as a space when
// decodeSpaces); a Buffer when node:buffer is there, else a Uint8Array.
function unescapeBytes(s, decodeSpaces) {
  if (decodeSpaces) s = s.replace(/\+/g, ' ');
  const bytes = percentDecodeBytes(s);
  const B = globalThis.Buffer;
  return typeof B === 'function' && typeof B.from === 'function' ?
    B.from(bytes) : Uint8Array.from(bytes);
}

function unescapeBuffer(s, decodeSpaces) {
  return unescapeBytes(`${s}`, decodeSpaces);
}

function unescape(s, decodeSpaces) {
  try {
    return decodeURIComponent(s);
  } catch {
    // Bad escapes stay as they are; bytes that are not UTF-8 become
    // U+FFFD, as Buffer#toString does.
    if (decodeSpaces) s = `${s}`.replace(/\+/g, ' ');
    return utf8Decode(percentDecodeBytes(`${s}`));
  }
}

function escape(str) {
  if (typeof str !== 'string') {
    if (typeof str === 'object') str = String(str);
    else str += '';
  }
  try {
    return encodeURIComponent(str);
  } catch {
    // A lone surrogate: Node's coded URIError.
    throw new codes.ERR_INVALID_URI();
  }
}

function stringifyPrimitive(v) {
  switch (typeof v) {
    case 'string': return v;
    case 'number': return Number.isFinite(v) ? `${v}` : '';
    case 'bigint': return `${v}`;
    case 'boolean': return v ? 'true' : 'false';
    default: return '';
  }
}

function stringify(obj, sep, eq, options) {
  sep = sep || '&';
  eq = eq || '=';
  // querystring.escape is looked up at each call: programs replace it.
  let encode = module.exports.escape;
  if (options && typeof options.encodeURIComponent === 'function') {
    encode = options.encodeURIComponent;
  }
  const convert = (v) => encode(stringifyPrimitive(v));
  if (obj === null || typeof obj !== 'object') return '';
  const fields = [];
  for (const key of Object.keys(obj)) {
    const value = obj[key];
    const prefix = convert(key) + eq;
    if (Array.isArray(value)) {
      for (const item of value) fields.push(prefix + convert(item));
    } else {
      fields.push(prefix + convert(value));
    }
  }
  return fields.join(sep);
}

function decodeComponent(s, decoder) {
  try {
    return decoder(s);
  } catch {
    return unescape(s, true);
  }
}

function parse(qs, sep, eq, options) {
  const obj = { __proto__: null };
  if (typeof qs !== 'string' || qs.length === 0) return obj;
  sep = sep ? `${sep}` : '&';
  eq = eq ? `${eq}` : '=';
  let maxKeys = 1000;
  if (options && typeof options.maxKeys === 'number') maxKeys = options.maxKeys;
  // As with escape, a replaced querystring.unescape is used, and then on
  // every key and value.
  let decoder = module.exports.unescape;
  if (options && typeof options.decodeURIComponent === 'function') {
    decoder = options.decodeURIComponent;
  }
  const custom = decoder !== unescape;

  let pairs = 0;
  let start = 0;
  while (start <= qs.length) {
    let end = qs.indexOf(sep, start);
    if (end === -1) end = qs.length;
    if (maxKeys > 0 && pairs >= maxKeys) break;
    pairs++;
    if (end > start) {
      const piece = qs.slice(start, end);
      const at = piece.indexOf(eq);
      let key = at === -1 ? piece : piece.slice(0, at);
      let value = at === -1 ? '' : piece.slice(at + eq.length);
      key = key.replace(/\+/g, ' ');
      value = value.replace(/\+/g, ' ');
      if (custom || key.indexOf('%') !== -1) key = decodeComponent(key, decoder);
      if (custom || value.indexOf('%') !== -1) value = decodeComponent(value, decoder);
      const existing = obj[key];
      if (existing === undefined) obj[key] = value;
      else if (Array.isArray(existing)) existing.push(value);
      else obj[key] = [existing, value];
    }
    start = end + sep.length;
  }
  return obj;
}

module.exports = {
  unescapeBuffer,
  unescape,
  escape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};
