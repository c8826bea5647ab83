'use strict';
// node:util — formatting and inspection (internal/inspect), promise and
// callback adapters, deprecation warnings, type checks and small helpers.

const {
  inspect, format, formatWithOptions, stripVTControlCharacters,
} = require('internal/inspect');
const { codes } = require('internal/errors');
const types = require('internal/types');

// Loaded on first use: deep equality is rarely needed at startup.
function isDeepStrictEqual(a, b) {
  return require('internal/comparisons').isDeepStrictEqual(a, b);
}

const {
  ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, ERR_FALSY_VALUE_REJECTION,
} = codes;

function validateFunction(value, name) {
  if (typeof value !== 'function') throw new ERR_INVALID_ARG_TYPE(name, 'Function', value);
}

// ---------------------------------------------------------------------------
// promisify / callbackify

const kCustomPromisifiedSymbol = Symbol.for('nodejs.util.promisify.custom');
// Functions whose callback receives several values name them here, so the
// promise resolves to an object (e.g. dns.lookup -> { address, family }).
const kCustomPromisifyArgsSymbol = Symbol.for('nodejs.util.promisify.customArgs');

function promisify(original) {
  validateFunction(original, 'original');
  if (original[kCustomPromisifiedSymbol]) {
    const fn = original[kCustomPromisifiedSymbol];
    validateFunction(fn, 'util.promisify.custom');
    return Object.defineProperty(fn, kCustomPromisifiedSymbol, {
      value: fn, enumerable: false, writable: false, configurable: true,
    });
  }
  const argumentNames = original[kCustomPromisifyArgsSymbol];

  function fn(...args) {
    return new Promise((resolve, reject) => {
      args.push((err, ...values) => {
        if (err) return reject(err);
        if (argumentNames !== undefined && values.length > 1) {
          const obj = {};
          for (let i = 0; i < argumentNames.length; i++) obj[argumentNames[i]] = values[i];
          resolve(obj);
        } else {
          resolve(values[0]);
        }
      });
      Reflect.apply(original, this, args);
    });
  }

  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisifiedSymbol, {
    value: fn, enumerable: false, writable: false, configurable: true,
  });
  const descriptors = Object.getOwnPropertyDescriptors(original);
  for (const key of Reflect.ownKeys(descriptors)) {
    // Keep the wrapper's own length/name/prototype semantics simple:
    // copy everything, as Node does.
    Object.defineProperty(fn, key, descriptors[key]);
  }
  return fn;
}
promisify.custom = kCustomPromisifiedSymbol;

function nextTick(fn, ...args) {
  if (typeof process === 'object' && process !== null && typeof process.nextTick === 'function') {
    process.nextTick(fn, ...args);
  } else {
    queueMicrotask(() => fn(...args));
  }
}

function callbackifyOnRejected(reason, cb) {
  // A falsy rejection reason would read as "no error"; wrap it.
  if (!reason) {
    reason = new ERR_FALSY_VALUE_REJECTION(reason);
  }
  return cb(reason);
}

function callbackify(original) {
  validateFunction(original, 'original');
  function callbackified(...args) {
    const maybeCb = args.pop();
    validateFunction(maybeCb, 'last argument');
    const cb = maybeCb.bind(this);
    Reflect.apply(original, this, args).then(
      (ret) => nextTick(cb, null, ret),
      (rej) => nextTick(callbackifyOnRejected, rej, cb));
  }
  const descriptors = Object.getOwnPropertyDescriptors(original);
  if (typeof descriptors.length.value === 'number') descriptors.length.value++;
  if (typeof descriptors.name.value === 'string') descriptors.name.value += 'Callbackified';
  const propertiesValues = Object.values(descriptors);
  for (const d of propertiesValues) Object.setPrototypeOf(d, null);
  Object.defineProperties(callbackified, descriptors);
  return callbackified;
}

// ---------------------------------------------------------------------------
// deprecate

// Codes already warned about; a code warns once per process no matter how
// many functions share it.
const codesWarned = new Set();

function deprecate(fn, msg, code) {
  if (code !== undefined && typeof code !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('code', 'string', code);
  }
  // Read at call time: the runtime's process object decides.
  if (typeof process === 'object' && process && process.noDeprecation === true) return fn;

  let warned = false;
  function deprecated(...args) {
    if (!warned && !(typeof process === 'object' && process && process.noDeprecation)) {
      warned = true;
      if (code !== undefined) {
        if (!codesWarned.has(code)) {
          emitDeprecationWarning(msg, code, deprecated);
          codesWarned.add(code);
        }
      } else {
        emitDeprecationWarning(msg, undefined, deprecated);
      }
    }
    if (new.target) return Reflect.construct(fn, args, new.target);
    return Reflect.apply(fn, this, args);
  }
  Object.setPrototypeOf(deprecated, fn);
  if (fn.prototype) deprecated.prototype = fn.prototype;
  return deprecated;
}

function emitDeprecationWarning(msg, code, ctor) {
  if (typeof process === 'object' && process && typeof process.emitWarning === 'function') {
    // emitWarning(warning, type[, code], ctor): the stack starts at `ctor`.
    if (code === undefined) process.emitWarning(msg, 'DeprecationWarning', ctor);
    else process.emitWarning(msg, 'DeprecationWarning', code, ctor);
  }
}

// ---------------------------------------------------------------------------
// inherits, _extend

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) throw new ERR_INVALID_ARG_TYPE('ctor', 'Function', ctor);
  if (superCtor === undefined || superCtor === null) {
    throw new ERR_INVALID_ARG_TYPE('superCtor', 'Function', superCtor);
  }
  if (superCtor.prototype === undefined) {
    throw new ERR_INVALID_ARG_TYPE('superCtor.prototype', 'Object', superCtor.prototype);
  }
  Object.defineProperty(ctor, 'super_', {
    value: superCtor, writable: true, configurable: true,
  });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

function _extend(target, source) {
  if (source === null || typeof source !== 'object') return target;
  const keys = Object.keys(source);
  let i = keys.length;
  while (i--) target[keys[i]] = source[keys[i]];
  return target;
}

// ---------------------------------------------------------------------------
// debuglog

let debugEnvRegex;
function initDebugEnv() {
  const env = typeof process === 'object' && process && process.env ? process.env.NODE_DEBUG : undefined;
  if (env) {
    const pattern = env.replace(/[|\\{}()[\]^$+?.]/g, '\\$&')
      .replaceAll('*', '.*')
      .replaceAll(',', '$|^');
    debugEnvRegex = new RegExp(`^${pattern}$`, 'i');
  } else {
    debugEnvRegex = null;
  }
}

function testEnabled(set) {
  if (debugEnvRegex === undefined) initDebugEnv();
  return debugEnvRegex !== null && debugEnvRegex.test(set);
}

// Node warns when NODE_DEBUG turns on logs that may contain secrets.
function emitWarningIfNeeded(set) {
  if (set === 'HTTP' || set === 'HTTP2') {
    process.emitWarning('Setting the NODE_DEBUG environment variable ' +
      `to '${set.toLowerCase()}' can expose sensitive ` +
      'data (such as passwords, tokens and authentication headers) ' +
      'in the resulting log.');
  }
}

const debugImpls = { __proto__: null };

function debuglogImpl(enabled, set) {
  if (debugImpls[set] === undefined) {
    if (enabled) {
      const pid = process.pid;
      emitWarningIfNeeded(set);
      debugImpls[set] = function debug(...args) {
        const colors = shouldColorize(process.stderr);
        const msg = formatWithOptions({ colors }, ...args);
        const coloredPID = inspect(pid, { colors });
        writeStderr(format('%s %s: %s\n', set, coloredPID, msg));
      };
    } else {
      debugImpls[set] = function debug() {};
    }
  }
  return debugImpls[set];
}

// Returns a logger that writes `SET PID: message` to stderr when NODE_DEBUG
// names `set`. NODE_DEBUG is read on the first use, not at load time.
function debuglog(set, cb) {
  let enabled;
  let debugImpl;
  function init() {
    set = set.toUpperCase();
    enabled = testEnabled(set);
  }
  function logger(...args) {
    if (debugImpl === undefined) {
      init();
      debugImpl = debuglogImpl(enabled, set);
      if (typeof cb === 'function') cb(debugImpl);
    }
    return debugImpl(...args);
  }
  Object.defineProperty(logger, 'enabled', {
    get() {
      if (enabled === undefined) init();
      return enabled;
    },
    configurable: true,
    enumerable: true,
  });
  return logger;
}

function writeStderr(str) {
  process.stderr.write(str);
}

// ---------------------------------------------------------------------------
// styleText, toUSVString, log

const { shouldColorize } = require('internal/util');

function isStreamLike(obj) {
  return obj !== null && typeof obj === 'object' &&
    (obj._readableState !== undefined || obj._writableState !== undefined ||
     (typeof obj.on === 'function' && (typeof obj.write === 'function' || typeof obj.pipe === 'function')) ||
     typeof obj.getReader === 'function' || typeof obj.getWriter === 'function');
}

// Wraps `text` in the ANSI codes of `format` (a name or list of names from
// inspect.colors), unless the stream it is meant for does not do colors.
function styleText(format, text, { validateStream = true, stream = process.stdout } = {}) {
  if (typeof text !== 'string') throw new ERR_INVALID_ARG_TYPE('text', 'string', text);
  if (typeof validateStream !== 'boolean') {
    throw new ERR_INVALID_ARG_TYPE('options.validateStream', 'boolean', validateStream);
  }
  let skipColorize = false;
  if (validateStream) {
    if (!isStreamLike(stream)) {
      throw new ERR_INVALID_ARG_TYPE('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
    }
    skipColorize = !shouldColorize(stream);
  }
  // Node 20 applies the stream check to a single format only; a list of
  // formats is always applied.
  if (Array.isArray(format)) skipColorize = false;
  const formats = Array.isArray(format) ? format : [format];
  let left = '';
  let right = '';
  for (const key of formats) {
    const code = inspect.colors[key];
    if (code == null) {
      const valid = Object.keys(inspect.colors);
      throw new ERR_INVALID_ARG_VALUE('format', key,
        `must be one of: ${valid.map((s) => `'${s}'`).join(', ')}`);
    }
    if (skipColorize) continue;
    left += `\u001b[${code[0]}m`;
    right = `\u001b[${code[1]}m${right}`;
  }
  return skipColorize ? text : `${left}${text}${right}`;
}

function toUSVString(input) {
  const str = `${input}`;
  if (typeof str.toWellFormed === 'function') return str.toWellFormed();
  return str.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function pad(n) {
  return String(n).padStart(2, '0');
}
function timestamp() {
  const d = new Date();
  const t = [pad(d.getHours()), pad(d.getMinutes()), pad(d.getSeconds())].join(':');
  return `${d.getDate()} ${months[d.getMonth()]} ${t}`;
}
function log(...args) {
  console.log('%s - %s', timestamp(), format(...args));
}

// ---------------------------------------------------------------------------
// parseEnv, aborted

function trimSpaces(str) {
  let start = 0;
  let end = str.length;
  while (start < end && str[start] === ' ') start++;
  while (end > start && str[end - 1] === ' ') end--;
  return str.slice(start, end);
}

// Parses dotenv-style `KEY=value` lines into an object, with Node 20.20's
// rules: '#' comments, optional `export `, values trimmed of spaces, quoted
// values ('...', "...", `...`, possibly spanning lines) with "\n" expanded in
// double quotes, an unquoted value ending at '#'; a line without '=' ends
// parsing, and a key may run across lines up to the next '='.
function parseEnv(content) {
  if (typeof content !== 'string') throw new ERR_INVALID_ARG_TYPE('content', 'string', content);
  const store = new Map();
  let s = trimSpaces(content.replaceAll('\r', ''));
  while (s.length > 0) {
    if (s[0] === '\n' || s[0] === '#') {
      const nl = s.indexOf('\n');
      if (nl === -1) break;
      s = s.slice(nl + 1);
      continue;
    }
    const eq = s.indexOf('=');
    if (eq === -1) break;
    let key = trimSpaces(s.slice(0, eq));
    s = s.slice(eq + 1);
    if (key === '') break;
    if (key.startsWith('export ')) key = key.slice(7);
    s = trimSpaces(s);
    if (s === '') {
      store.set(key, '');
      break;
    }
    const q = s[0];
    if (q === '"') {
      const close = s.indexOf('"', 1);
      if (close !== -1) {
        store.set(key, s.slice(1, close).replaceAll('\\n', '\n'));
        const nl = s.indexOf('\n', close + 1);
        s = nl === -1 ? '' : s.slice(nl + 1);
        continue;
      }
    }
    if (q === '"' || q === "'" || q === '`') {
      const close = s.indexOf(q, 1);
      if (close === -1) {
        // Unterminated: the rest of the line, quote included.
        const nl = s.indexOf('\n');
        if (nl === -1) break;
        store.set(key, s.slice(0, nl));
        s = s.slice(nl);
      } else {
        store.set(key, s.slice(1, close));
        const nl = s.indexOf('\n', close + 1);
        s = nl === -1 ? '' : s.slice(nl);
      }
      continue;
    }
    const nl = s.indexOf('\n');
    let value;
    if (nl === -1) {
      value = s;
      s = '';
    } else {
      value = s.slice(0, nl);
      s = s.slice(nl);
    }
    const hash = value.indexOf('#');
    if (hash !== -1) value = value.slice(0, hash);
    store.set(key, trimSpaces(value));
  }
  // Node keeps the pairs in a sorted map: keys come out in sorted order.
  const result = {};
  for (const key of [...store.keys()].sort()) result[key] = store.get(key);
  return result;
}

// Resolves when `signal` aborts, as long as `resource` is alive (Node holds
// it weakly; here the listener simply stays until the abort).
async function aborted(signal, resource) {
  if (signal === undefined || signal === null || typeof signal !== 'object' || !('aborted' in signal)) {
    throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  }
  if (resource === null || (typeof resource !== 'object' && typeof resource !== 'function')) {
    throw new ERR_INVALID_ARG_TYPE('resource', 'object', resource);
  }
  if (signal.aborted) return;
  return new Promise((resolve) => {
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}

// AbortSignals cross threads by structured clone only when marked
// transferable. Node 20.20 hands back a new signal carrying the state the
// original has at the time of the call (later aborts do not follow), and
// so does this; nodec's workers serialize signals on their own.
function transferableAbortSignal(signal) {
  if (signal === null || typeof signal !== 'object' || !('aborted' in signal)) {
    throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  }
  return signal.aborted ? AbortSignal.abort(signal.reason) : new AbortController().signal;
}

function transferableAbortController() {
  return new AbortController();
}

// ---------------------------------------------------------------------------
// Legacy type checks (deprecated in docs, still exported by Node 20)

function isError(e) {
  return types.isNativeError(e) || e instanceof Error;
}
function isPrimitive(arg) {
  return arg === null || (typeof arg !== 'object' && typeof arg !== 'function');
}

// util.types: the public checks, in Node's order.
const publicTypeNames = ['isExternal', 'isDate', 'isArgumentsObject', 'isBigIntObject',
  'isBooleanObject', 'isNumberObject', 'isStringObject', 'isSymbolObject', 'isNativeError',
  'isRegExp', 'isAsyncFunction', 'isGeneratorFunction', 'isGeneratorObject', 'isPromise',
  'isMap', 'isSet', 'isMapIterator', 'isSetIterator', 'isWeakMap', 'isWeakSet',
  'isArrayBuffer', 'isDataView', 'isSharedArrayBuffer', 'isProxy', 'isModuleNamespaceObject',
  'isAnyArrayBuffer', 'isBoxedPrimitive', 'isArrayBufferView', 'isTypedArray', 'isUint8Array',
  'isUint8ClampedArray', 'isUint16Array', 'isUint32Array', 'isInt8Array', 'isInt16Array',
  'isInt32Array', 'isFloat32Array', 'isFloat64Array', 'isBigInt64Array', 'isBigUint64Array',
  'isKeyObject', 'isCryptoKey'];
const publicTypes = {};
for (const key of publicTypeNames) publicTypes[key] = types[key];

let parseArgsModule;

// The name of a negative errno, from the runtime's table.
function getSystemErrorName(err) {
  if (typeof err !== 'number') throw new ERR_INVALID_ARG_TYPE('err', 'number', err);
  if (err >= 0 || !Number.isSafeInteger(err)) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_OUT_OF_RANGE('err', 'a negative integer', err);
  }
  let name;
  try {
    name = internalBinding('native').errName(err);
  } catch {
    name = undefined;
  }
  return name === undefined ? `Unknown system error ${err}` : name;
}

module.exports = {
  _extend,
  getSystemErrorName,
  callbackify,
  debug: debuglog,
  debuglog,
  deprecate,
  format,
  formatWithOptions,
  inherits,
  inspect,
  isArray: Array.isArray,
  isBoolean: (arg) => typeof arg === 'boolean',
  isBuffer: (arg) => typeof Buffer === 'function' && typeof Buffer.isBuffer === 'function' && Buffer.isBuffer(arg),
  isDeepStrictEqual,
  isNull: (arg) => arg === null,
  isNullOrUndefined: (arg) => arg === null || arg === undefined,
  isNumber: (arg) => typeof arg === 'number',
  isString: (arg) => typeof arg === 'string',
  isSymbol: (arg) => typeof arg === 'symbol',
  isUndefined: (arg) => arg === undefined,
  isRegExp: types.isRegExp,
  isObject: (arg) => arg !== null && typeof arg === 'object',
  isDate: types.isDate,
  isError,
  isFunction: (arg) => typeof arg === 'function',
  isPrimitive,
  log,
  promisify,
  stripVTControlCharacters(str) {
    if (typeof str !== 'string') throw new ERR_INVALID_ARG_TYPE('str', 'string', str);
    return stripVTControlCharacters(str);
  },
  styleText,
  toUSVString,
  types: publicTypes,
  aborted,
  parseEnv,
  transferableAbortSignal,
  transferableAbortController,
  // internal/parse_args loads on first call.
  parseArgs: function parseArgs(config = { __proto__: null }) {
    if (parseArgsModule === undefined) parseArgsModule = require('internal/parse_args');
    return parseArgsModule.parseArgs(config);
  },
};

// The encoders load on first use (they bring in node:buffer).
for (const name of ['TextDecoder', 'TextEncoder']) {
  Object.defineProperty(module.exports, name, {
    configurable: true,
    enumerable: true,
    get() { return require('internal/encoding')[name]; },
    set(value) {
      Object.defineProperty(module.exports, name, {
        value, writable: true, configurable: true, enumerable: true,
      });
    },
  });
}
