// internal/url - the WHATWG URL and URLSearchParams classes (the globals
// and node:url's), over the parser of internal/url/parser, and the
// file: URL helpers node:url exports.
'use strict';

const parser = require('internal/url/parser');
const { codes } = require('internal/errors');

const {
  parse, parseSlow, fastScan, fastOffsets, fastRecord, serialize, serializePath, origin, percentEncode, percentDecode,
  states, sets, isSpecialScheme,
} = parser;

const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

function toUSV(value) {
  if (typeof value === 'symbol') {
    // V8's words, which programs and tests see.
    throw new TypeError('Cannot convert a Symbol value to a string');
  }
  const s = typeof value === 'string' ? value : `${value}`;
  return s.isWellFormed() ? s : s.toWellFormed();
}

// The error new URL() throws.  In Node it comes from the native parser: a
// TypeError with code, input and (if given) base, whose name and stack
// header carry no [ERR_INVALID_URL] tag, unlike Node's JavaScript errors.
function invalidURL(input, base) {
  const err = new TypeError('Invalid URL');
  err.code = 'ERR_INVALID_URL';
  err.input = input;
  if (base !== undefined) err.base = base;
  return err;
}

// Set by URLSearchParams' static block: the way URL reaches its
// searchParams' list without exposing it.
let paramsFromQuery;
let newLinkedParams;

// The standard's "potentially strip trailing spaces from an opaque path".
function stripTrailingSpaces(record) {
  if (typeof record.path !== 'string') return;
  if (record.fragment !== null || record.query !== null) return;
  record.path = record.path.replace(/ +$/, '');
}

// A URL has two forms.  Parsed by the fast path (parser's fastScan), it
// is its href and the offsets of the components in it, as Node's parser
// keeps one: #ctx is null, the getters slice #href, and nothing else was
// allocated.  The first setter (or anything that needs the record) turns
// it into the other form, a URL record in #ctx that the setters change
// and #href caches the serialization of.
class URL {
  #ctx;
  #searchParams;
  #href;
  #schemeEnd;   // the fast form's offsets: see parser's fastOffsets
  #hostEnd;
  #pathStart;
  #queryStart;
  #hashStart;

  constructor(input, base) {
    if (input === undefined && arguments.length === 0) {
      throw new codes.ERR_MISSING_ARGS('url');
    }
    input = toUSV(input);
    let baseRecord = null;
    if (base !== undefined) {
      base = toUSV(base);
      baseRecord = parse(base, null);
      if (baseRecord === null) throw invalidURL(input, base);
    }
    this.#searchParams = undefined;
    // An absolute URL the fast path takes does not depend on the base.
    const href = fastScan(input);
    if (href !== null) {
      this.#setFast(href);
    } else {
      const record = parseSlow(input, baseRecord);
      if (record === null) throw invalidURL(input, base);
      this.#ctx = record;
      this.#href = record.href;
    }
  }

  #setFast(href) {
    const o = fastOffsets;
    this.#ctx = null;
    this.#href = href;
    this.#schemeEnd = o[0];
    this.#hostEnd = o[1];
    this.#pathStart = o[2];
    this.#queryStart = o[3];
    this.#hashStart = o[4];
  }

  // The URL record, made from the fast form the first time it is needed.
  #record() {
    let ctx = this.#ctx;
    if (ctx === null) {
      ctx = this.#ctx = fastRecord(this.#href, this.#schemeEnd, this.#hostEnd,
        this.#pathStart, this.#queryStart, this.#hashStart);
    }
    return ctx;
  }

  // The fast form's end of the path, and of the query.
  #pathEnd() {
    const q = this.#queryStart;
    if (q !== -1) return q;
    const h = this.#hashStart;
    return h !== -1 ? h : this.#href.length;
  }

  #queryEnd() {
    const h = this.#hashStart;
    return h !== -1 ? h : this.#href.length;
  }

  static parse(input, base = undefined) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('url');
    try {
      return new URL(input, base);
    } catch {
      return null;
    }
  }

  static canParse(input, base = undefined) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('url');
    input = toUSV(input);
    let baseRecord = null;
    if (base !== undefined) {
      baseRecord = parse(toUSV(base), null);
      if (baseRecord === null) return false;
    }
    return parse(input, baseRecord) !== null;
  }

  static createObjectURL(obj) {
    const Blob = globalThis.Blob;
    if (typeof Blob !== 'function' || !(obj instanceof Blob)) {
      throw new codes.ERR_INVALID_ARG_TYPE('obj', 'Blob', obj);
    }
    const hex = [];
    for (let i = 0; i < 16; i++) hex.push(((Math.random() * 256) | 0).toString(16).padStart(2, '0'));
    const h = hex.join('');
    return `blob:nodedata:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-` +
      `${h.slice(16, 20)}-${h.slice(20)}`;
  }

  static revokeObjectURL(url) {
    if (arguments.length === 0) throw new codes.ERR_MISSING_ARGS('url');
  }

  static isURL(value) {
    return (typeof value === 'object' && value !== null) && #ctx in value;
  }

  static record(url) {
    return url.#record();
  }

  // A private-field brand check with V8's message for a wrong receiver
  // (a private method cannot be called on one in the first place).
  static #brand(obj) {
    if (typeof obj !== 'object' || obj === null || !(#ctx in obj)) {
      throw new TypeError('Receiver must be an instance of class URL');
    }
  }

  #changed() {
    this.#href = undefined;
  }

  #syncParams() {
    if (this.#searchParams !== undefined) {
      paramsFromQuery(this.#searchParams, this.#record().query);
    }
  }

  toString() {
    URL.#brand(this);
    return this.href;
  }

  get href() {
    if (typeof this !== 'object' || this === null || !(#ctx in this)) URL.#brand(this);
    let href = this.#href;
    if (href === undefined) href = this.#href = serialize(this.#ctx, false);
    return href;
  }

  set href(value) {
    URL.#brand(this);
    value = toUSV(value);
    const href = fastScan(value);
    if (href !== null) {
      this.#setFast(href);
    } else {
      const record = parseSlow(value, null);
      if (record === null) throw invalidURL(value);
      this.#ctx = record;
      this.#changed();
    }
    this.#syncParams();
  }

  get origin() {
    URL.#brand(this);
    // The fast form has a special scheme other than file and no
    // credentials: its origin is all before the path.
    if (this.#ctx === null) return this.#href.slice(0, this.#pathStart);
    return origin(this.#ctx);
  }

  get protocol() {
    URL.#brand(this);
    if (this.#ctx === null) return this.#href.slice(0, this.#schemeEnd + 1);
    return this.#ctx.scheme + ':';
  }

  set protocol(value) {
    URL.#brand(this);
    parse(toUSV(value) + ':', null, this.#record(), states.SCHEME_START);
    this.#changed();
  }

  get username() {
    URL.#brand(this);
    if (this.#ctx === null) return '';
    return this.#ctx.username;
  }

  set username(value) {
    URL.#brand(this);
    const ctx = this.#record();
    if (ctx.host === null || ctx.host === '' || ctx.scheme === 'file') return;
    ctx.username = percentEncode(toUSV(value), sets.USERINFO_SET);
    this.#changed();
  }

  get password() {
    URL.#brand(this);
    if (this.#ctx === null) return '';
    return this.#ctx.password;
  }

  set password(value) {
    URL.#brand(this);
    const ctx = this.#record();
    if (ctx.host === null || ctx.host === '' || ctx.scheme === 'file') return;
    ctx.password = percentEncode(toUSV(value), sets.USERINFO_SET);
    this.#changed();
  }

  get host() {
    URL.#brand(this);
    if (this.#ctx === null) return this.#href.slice(this.#schemeEnd + 3, this.#pathStart);
    const ctx = this.#ctx;
    if (ctx.host === null) return '';
    return ctx.port === null ? ctx.host : ctx.host + ':' + ctx.port;
  }

  set host(value) {
    URL.#brand(this);
    if (typeof this.#record().path === 'string') return;
    this.#setHost(toUSV(value), states.HOST);
  }

  get hostname() {
    URL.#brand(this);
    if (this.#ctx === null) return this.#href.slice(this.#schemeEnd + 3, this.#hostEnd);
    const host = this.#ctx.host;
    return host === null ? '' : host;
  }

  set hostname(value) {
    URL.#brand(this);
    if (typeof this.#record().path === 'string') return;
    this.#setHost(toUSV(value), states.HOSTNAME);
  }

  // As the standard has it, a host setter that fails on the port part
  // keeps the host it has already set.
  #setHost(value, state) {
    parse(value, null, this.#record(), state);
    this.#changed();
  }

  get port() {
    URL.#brand(this);
    if (this.#ctx === null) {
      const end = this.#hostEnd;
      return end === this.#pathStart ? '' : this.#href.slice(end + 1, this.#pathStart);
    }
    const port = this.#ctx.port;
    return port === null ? '' : `${port}`;
  }

  set port(value) {
    URL.#brand(this);
    const ctx = this.#record();
    if (ctx.host === null || ctx.host === '' || ctx.scheme === 'file') return;
    value = toUSV(value).replace(/[\t\n\r]/g, '');
    const first = value.charCodeAt(0);
    if (value === '') {
      ctx.port = null;
    } else if (first >= 0x30 && first <= 0x39) {
      parse(value, null, ctx, states.PORT);
    } else if (first > 0x20 && first !== 0x2d && /[0-9]/.test(value)) {
      // Node 20's parser (ada) removes the port when the value does not
      // start with a digit but has one later ('x1', ':81'), except after
      // a space, a control or '-'; the URL Standard would keep it.
      ctx.port = null;
    }
    this.#changed();
  }

  get pathname() {
    URL.#brand(this);
    if (this.#ctx === null) return this.#href.slice(this.#pathStart, this.#pathEnd());
    return serializePath(this.#ctx);
  }

  set pathname(value) {
    URL.#brand(this);
    const ctx = this.#record();
    if (typeof ctx.path === 'string') return;
    ctx.path = [];
    parse(toUSV(value), null, ctx, states.PATH_START);
    this.#changed();
  }

  get search() {
    URL.#brand(this);
    if (this.#ctx === null) {
      const start = this.#queryStart;
      if (start === -1) return '';
      const end = this.#queryEnd();
      return end - start === 1 ? '' : this.#href.slice(start, end);
    }
    const query = this.#ctx.query;
    return query === null || query === '' ? '' : '?' + query;
  }

  set search(value) {
    URL.#brand(this);
    const ctx = this.#record();
    value = toUSV(value);
    if (value === '') {
      ctx.query = null;
      stripTrailingSpaces(ctx);
    } else {
      if (value.charCodeAt(0) === 0x3f) value = value.slice(1);
      ctx.query = '';
      parse(value, null, ctx, states.QUERY);
    }
    this.#changed();
    this.#syncParams();
  }

  get searchParams() {
    URL.#brand(this);
    if (this.#searchParams === undefined) {
      let query;
      if (this.#ctx !== null) {
        query = this.#ctx.query;
      } else {
        query = this.#queryStart === -1 ? null :
          this.#href.slice(this.#queryStart + 1, this.#queryEnd());
      }
      this.#searchParams = newLinkedParams(this, query);
    }
    return this.#searchParams;
  }

  get hash() {
    URL.#brand(this);
    if (this.#ctx === null) {
      const start = this.#hashStart;
      const href = this.#href;
      return start === -1 || start === href.length - 1 ? '' : href.slice(start);
    }
    const fragment = this.#ctx.fragment;
    return fragment === null || fragment === '' ? '' : '#' + fragment;
  }

  set hash(value) {
    URL.#brand(this);
    const ctx = this.#record();
    value = toUSV(value);
    if (value === '') {
      ctx.fragment = null;
      stripTrailingSpaces(ctx);
    } else {
      if (value.charCodeAt(0) === 0x23) value = value.slice(1);
      ctx.fragment = '';
      parse(value, null, ctx, states.FRAGMENT);
    }
    this.#changed();
  }

  toJSON() {
    URL.#brand(this);
    return this.href;
  }

  // URLSearchParams' update steps: the query from the serialized list.
  static setQuery(url, query) {
    const ctx = url.#record();
    ctx.query = query === '' ? null : query;
    if (query === '') stripTrailingSpaces(ctx);
    url.#changed();
  }

  [inspectSymbol](depth, options, inspect) {
    if (typeof depth === 'number' && depth < 0) return this;
    const obj = {
      href: this.href,
      origin: this.origin,
      protocol: this.protocol,
      username: this.username,
      password: this.password,
      host: this.host,
      hostname: this.hostname,
      port: this.port,
      pathname: this.pathname,
      search: this.search,
      searchParams: this.searchParams,
      hash: this.hash,
    };
    if (typeof inspect !== 'function') inspect = require('util').inspect;
    const name = (this.constructor && this.constructor.name) || 'URL';
    return `${name} ${inspect(obj, options)}`;
  }
}

// constructor(input, base) without a default keeps the hot path lean;
// the length is Node's.
Object.defineProperty(URL, 'length', { value: 1 });

const setQuery = URL.setQuery;
const isURL = URL.isURL;
const recordOf = URL.record;
delete URL.setQuery;
delete URL.isURL;
delete URL.record;

// --- URLSearchParams -------------------------------------------------------

// application/x-www-form-urlencoded parsing: a flat [name, value, ...] list.
function parseParams(input) {
  const list = [];
  if (input === '') return list;
  let start = 0;
  const len = input.length;
  while (start <= len) {
    let end = input.indexOf('&', start);
    if (end === -1) end = len;
    if (end > start) {
      const eq = input.indexOf('=', start);
      let name;
      let value;
      if (eq !== -1 && eq < end) {
        name = input.slice(start, eq);
        value = input.slice(eq + 1, end);
      } else {
        name = input.slice(start, end);
        value = '';
      }
      list.push(formDecode(name), formDecode(value));
    }
    start = end + 1;
  }
  return list;
}

function formDecode(s) {
  if (s.indexOf('+') !== -1) s = s.replace(/\+/g, ' ');
  return percentDecode(s);
}

function formEncode(s) {
  const encoded = percentEncode(s, sets.FORM_SET);
  return encoded.indexOf('%20') === -1 ? encoded : encoded.replace(/%20/g, '+');
}

function serializeParams(list) {
  let out = '';
  for (let i = 0; i < list.length; i += 2) {
    if (i !== 0) out += '&';
    out += formEncode(list[i]) + '=' + formEncode(list[i + 1]);
  }
  return out;
}

const kKeys = 0;
const kValues = 1;
const kEntries = 2;

class URLSearchParams {
  #list = [];
  #url = null;

  constructor(init = undefined) {
    if (init === undefined || init === null) {
      // Nothing.
    } else if (typeof init === 'object' || typeof init === 'function') {
      const method = init[Symbol.iterator];
      if (method === this[Symbol.iterator] && #list in init) {
        this.#list = init.#list.slice();
      } else if (method != null) {
        if (typeof method !== 'function') {
          throw new codes.ERR_ARG_NOT_ITERABLE('Query pairs');
        }
        for (const pair of init) {
          if ((typeof pair !== 'object' && typeof pair !== 'function') ||
              pair === null || typeof pair[Symbol.iterator] !== 'function') {
            throw new codes.ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          }
          const items = [...pair];
          if (items.length !== 2) {
            throw new codes.ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          }
          this.#list.push(toUSV(items[0]), toUSV(items[1]));
        }
      } else {
        for (const key of Reflect.ownKeys(init)) {
          const desc = Reflect.getOwnPropertyDescriptor(init, key);
          if (desc === undefined || !desc.enumerable) continue;
          const name = toUSV(key);
          const value = toUSV(init[key]);
          // A record: a later key that maps to the same string replaces.
          const at = this.#indexOf(name);
          if (at === -1) this.#list.push(name, value);
          else this.#list[at + 1] = value;
        }
      }
    } else {
      let s = toUSV(init);
      if (s.charCodeAt(0) === 0x3f) s = s.slice(1);
      this.#list = parseParams(s);
    }
  }

  static {
    paramsFromQuery = (params, query) => {
      params.#list = query === null ? [] : parseParams(query);
    };
    newLinkedParams = (url, query) => {
      const params = new URLSearchParams();
      params.#url = url;
      if (query !== null) params.#list = parseParams(query);
      return params;
    };
  }

  static #brand(obj) {
    if (typeof obj !== 'object' || obj === null || !(#list in obj)) {
      throw new codes.ERR_INVALID_THIS('URLSearchParams');
    }
  }

  #indexOf(name) {
    const list = this.#list;
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name) return i;
    }
    return -1;
  }

  #update() {
    if (this.#url !== null) setQuery(this.#url, serializeParams(this.#list));
  }

  get size() {
    URLSearchParams.#brand(this);
    return this.#list.length / 2;
  }

  append(name, value) {
    URLSearchParams.#brand(this);
    if (arguments.length < 2) throw new codes.ERR_MISSING_ARGS('name', 'value');
    this.#list.push(toUSV(name), toUSV(value));
    this.#update();
  }

  delete(name, value = undefined) {
    URLSearchParams.#brand(this);
    if (arguments.length < 1) throw new codes.ERR_MISSING_ARGS('name');
    name = toUSV(name);
    const list = this.#list;
    const out = [];
    if (value !== undefined) {
      value = toUSV(value);
      for (let i = 0; i < list.length; i += 2) {
        if (!(list[i] === name && list[i + 1] === value)) out.push(list[i], list[i + 1]);
      }
    } else {
      for (let i = 0; i < list.length; i += 2) {
        if (list[i] !== name) out.push(list[i], list[i + 1]);
      }
    }
    this.#list = out;
    this.#update();
  }

  get(name) {
    URLSearchParams.#brand(this);
    if (arguments.length < 1) throw new codes.ERR_MISSING_ARGS('name');
    const at = this.#indexOf(toUSV(name));
    return at === -1 ? null : this.#list[at + 1];
  }

  getAll(name) {
    URLSearchParams.#brand(this);
    if (arguments.length < 1) throw new codes.ERR_MISSING_ARGS('name');
    name = toUSV(name);
    const list = this.#list;
    const values = [];
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name) values.push(list[i + 1]);
    }
    return values;
  }

  has(name, value = undefined) {
    URLSearchParams.#brand(this);
    if (arguments.length < 1) throw new codes.ERR_MISSING_ARGS('name');
    name = toUSV(name);
    if (value === undefined) return this.#indexOf(name) !== -1;
    value = toUSV(value);
    const list = this.#list;
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name && list[i + 1] === value) return true;
    }
    return false;
  }

  set(name, value) {
    URLSearchParams.#brand(this);
    if (arguments.length < 2) throw new codes.ERR_MISSING_ARGS('name', 'value');
    name = toUSV(name);
    value = toUSV(value);
    const list = this.#list;
    const out = [];
    let found = false;
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] !== name) {
        out.push(list[i], list[i + 1]);
      } else if (!found) {
        out.push(name, value);
        found = true;
      }
    }
    if (!found) out.push(name, value);
    this.#list = out;
    this.#update();
  }

  sort() {
    URLSearchParams.#brand(this);
    // Stable, by the names' UTF-16 code units.
    const list = this.#list;
    const pairs = [];
    for (let i = 0; i < list.length; i += 2) pairs.push([list[i], list[i + 1]]);
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    this.#list = pairs.flat();
    this.#update();
  }

  entries() {
    URLSearchParams.#brand(this);
    return new URLSearchParamsIterator(this, kEntries);
  }

  forEach(callback, thisArg = undefined) {
    URLSearchParams.#brand(this);
    if (typeof callback !== 'function') {
      throw new codes.ERR_INVALID_ARG_TYPE('callback', 'Function', callback);
    }
    // The list is read afresh each turn: a callback may change it.
    for (let i = 0; i < this.#list.length; i += 2) {
      callback.call(thisArg, this.#list[i + 1], this.#list[i], this);
    }
  }

  keys() {
    URLSearchParams.#brand(this);
    return new URLSearchParamsIterator(this, kKeys);
  }

  values() {
    URLSearchParams.#brand(this);
    return new URLSearchParamsIterator(this, kValues);
  }

  toString() {
    URLSearchParams.#brand(this);
    return serializeParams(this.#list);
  }

  static list(params) {
    return params.#list;
  }

  [inspectSymbol](depth, options, inspect) {
    if (typeof depth === 'number' && depth < 0) {
      return options && options.stylize ? options.stylize('[Object]', 'special') : '[Object]';
    }
    if (typeof inspect !== 'function') inspect = require('util').inspect;
    const inner = { ...options };
    if (depth !== null && depth !== undefined) inner.depth = depth - 1;
    const list = this.#list;
    const parts = [];
    for (let i = 0; i < list.length; i += 2) {
      parts.push(`${inspect(list[i], inner)} => ${inspect(list[i + 1], inner)}`);
    }
    const name = (this.constructor && this.constructor.name) || 'URLSearchParams';
    return formatEntries(name, parts, options);
  }
}

const paramsList = URLSearchParams.list;
delete URLSearchParams.list;

// `Name { a, b }` on one line, or one entry a line when longer than the
// break length (colors do not count).
function formatEntries(name, parts, options) {
  if (parts.length === 0) return `${name} {}`;
  let length = -2;
  for (const p of parts) length += p.replace(/\x1b\[\d\d?m/g, '').length + 2;
  const breakLength = options && options.breakLength !== undefined ? options.breakLength : 80;
  if (length > breakLength) return `${name} {\n  ${parts.join(',\n  ')} }`;
  return `${name} { ${parts.join(', ')} }`;
}

URLSearchParams.prototype[Symbol.iterator] = URLSearchParams.prototype.entries;
Object.defineProperty(URLSearchParams.prototype, Symbol.iterator, { enumerable: false });

const IteratorPrototype = Object.getPrototypeOf(Object.getPrototypeOf([][Symbol.iterator]()));

class URLSearchParamsIterator {
  #params;
  #kind;
  #index = 0;

  constructor(params, kind) {
    this.#params = params;
    this.#kind = kind;
  }

  next() {
    if (!(#params in this)) throw new codes.ERR_INVALID_THIS('URLSearchParamsIterator');
    const list = paramsList(this.#params);
    const i = this.#index;
    if (i >= list.length) return { value: undefined, done: true };
    this.#index = i + 2;
    const kind = this.#kind;
    const value = kind === kKeys ? list[i] : kind === kValues ? list[i + 1] :
      [list[i], list[i + 1]];
    return { value, done: false };
  }

  [inspectSymbol](depth, options, inspect) {
    if (typeof inspect !== 'function') inspect = require('util').inspect;
    const inner = { ...options };
    if (depth !== null && depth !== undefined) inner.depth = depth - 1;
    const list = paramsList(this.#params);
    const parts = [];
    for (let i = this.#index; i < list.length; i += 2) {
      const kind = this.#kind;
      const v = kind === kKeys ? list[i] : kind === kValues ? list[i + 1] :
        [list[i], list[i + 1]];
      parts.push(inspect(v, inner));
    }
    return formatEntries('URLSearchParams Iterator', parts, options);
  }
}
Object.setPrototypeOf(URLSearchParamsIterator.prototype, IteratorPrototype);
Object.defineProperty(URLSearchParamsIterator.prototype, Symbol.toStringTag, {
  value: 'URLSearchParams Iterator', configurable: true,
});
Object.defineProperty(URLSearchParamsIterator.prototype, inspectSymbol, { enumerable: false });

// Node's shapes: accessors and methods enumerable, a toStringTag each.
function enumerable(proto, names) {
  for (const name of names) {
    const desc = Object.getOwnPropertyDescriptor(proto, name);
    desc.enumerable = true;
    Object.defineProperty(proto, name, desc);
  }
}
enumerable(URL.prototype, ['toString', 'href', 'origin', 'protocol',
  'username', 'password', 'host', 'hostname', 'port', 'pathname', 'search',
  'searchParams', 'hash', 'toJSON']);
enumerable(URL, ['parse', 'canParse', 'createObjectURL', 'revokeObjectURL']);
enumerable(URLSearchParams.prototype, ['size', 'append', 'delete', 'get',
  'getAll', 'has', 'set', 'sort', 'entries', 'forEach', 'keys', 'values',
  'toString']);
Object.defineProperty(URL.prototype, Symbol.toStringTag, {
  value: 'URL', configurable: true,
});
Object.defineProperty(URLSearchParams.prototype, Symbol.toStringTag, {
  value: 'URLSearchParams', configurable: true,
});
Object.defineProperty(URL.prototype, inspectSymbol, { enumerable: false });
Object.defineProperty(URLSearchParams.prototype, inspectSymbol, { enumerable: false });

// --- file: URLs and the other node:url helpers -----------------------------

function fileURLToPath(path) {
  if (typeof path === 'string') {
    path = new URL(path);
  } else if (!isURL(path)) {
    throw new codes.ERR_INVALID_ARG_TYPE('path', ['string', 'URL'], path);
  }
  if (path.protocol !== 'file:') throw new codes.ERR_INVALID_URL_SCHEME('file');
  if (path.hostname !== '') {
    throw new codes.ERR_INVALID_FILE_URL_HOST('linux');
  }
  const pathname = path.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = pathname.codePointAt(n + 2) | 0x20;
      if (pathname[n + 1] === '2' && third === 102) {
        throw new codes.ERR_INVALID_FILE_URL_PATH(
          'must not include encoded / characters');
      }
    }
  }
  return decodeComponent(pathname);
}

// What pathToFileURL percent-encodes beyond the path percent-encode set,
// as Node 20 does: '%' (so nothing decodes twice), '\', newline, CR, tab,
// '[', ']', '^', '|', '~', '?' and '#', which would end the path, and
// space, which the parser would trim from the end.
const PATH_EXTRA = /[%\\\n\r\t[\]^|~?# ]/g;

function pathToFileURL(filepath) {
  if (typeof filepath !== 'string') {
    throw new codes.ERR_INVALID_ARG_TYPE('path', 'string', filepath);
  }
  const path = require('path');
  let resolved = path.resolve(filepath);
  // path.resolve drops a trailing slash the caller meant.
  if (filepath.charCodeAt(filepath.length - 1) === 0x2f &&
      resolved[resolved.length - 1] !== path.sep) {
    resolved += '/';
  }
  const encoded = resolved.replace(PATH_EXTRA, (c) =>
    '%' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0'));
  return new URL(`file://${encoded}`);
}

// decodeURIComponent with V8's message on malformed input.
function decodeComponent(s) {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new URIError('URI malformed');
  }
}

function urlToHttpOptions(url) {
  // Own properties of a plain object (or a URL someone extended) first.
  const options = {
    __proto__: null,
    ...url,
    protocol: url.protocol,
    hostname: typeof url.hostname === 'string' && url.hostname.startsWith('[') ?
      url.hostname.slice(1, -1) : url.hostname,
    hash: url.hash,
    search: url.search,
    pathname: url.pathname,
    path: `${url.pathname || ''}${url.search || ''}`,
    href: url.href,
  };
  if (url.port !== '') options.port = Number(url.port);
  if (url.username || url.password) {
    options.auth = `${decodeComponent(url.username)}:${decodeComponent(url.password)}`;
  }
  return options;
}

function domainToASCII(domain) {
  if (arguments.length < 1) throw new codes.ERR_MISSING_ARGS('domain');
  const host = parser.parseHost(`${domain}`.toWellFormed(), false);
  return host === null ? '' : host;
}

function domainToUnicode(domain) {
  if (arguments.length < 1) throw new codes.ERR_MISSING_ARGS('domain');
  domain = `${domain}`.toWellFormed();
  const host = parser.parseHost(domain, false);
  if (host === null) return '';
  if (host.charCodeAt(0) === 0x5b) return host;
  const out = parser.domainToUnicode(host);
  return out === null ? '' : out;
}

module.exports = {
  URL,
  URLSearchParams,
  isURL,
  recordOf,
  fileURLToPath,
  pathToFileURL,
  urlToHttpOptions,
  domainToASCII,
  domainToUnicode,
  isSpecialScheme,
};
