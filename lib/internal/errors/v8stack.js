// internal/errors/v8stack - `error.stack` in V8's format for errors made
// by JavaScript code, as Node's tools, packages and util.inspect expect:
//
//   TypeError: message
//       at fn (/path/file.js:3:9)
//
// JavaScriptCore records a stack as "fn@file:line:col" lines without the
// header.  The global error constructors are wrapped (a Proxy, so that
// `instanceof`, subclassing and statics keep working): each new error gets
// a lazy `stack` that formats the recorded frames on first read, with the
// header from its name and message at that time, as V8 does.  Frames of
// the wrapper itself are dropped.  Error.captureStackTrace(obj, fn) and
// Error.stackTraceLimit (10, as in Node) behave as V8's.  Errors the
// engine throws itself (a ReferenceError, say) keep JavaScriptCore's
// format; util.inspect and the uncaught-exception report convert those.
'use strict';

const { convertFrame, v8Column } = require('internal/errors/stack');

// Frames the wrapper adds on top of every stack it records (its trap and
// Reflect.construct), dropped by ownFrame below; the engine's limit is
// raised by as many, so users still see Error.stackTraceLimit frames.
const OWN_FRAMES = 3;

function ownFrame(line) {
  return line.endsWith('@[native code]') ||
    line.includes('@node:internal/errors/v8stack:');
}

function headerOf(err) {
  let name;
  let message;
  try {
    name = err.name;
    message = err.message;
  } catch {
    return 'Error';
  }
  name = name === undefined ? 'Error' : String(name);
  message = message === undefined ? '' : String(message);
  if (name === '') return message;
  if (message === '') return name;
  return `${name}: ${message}`;
}

// Frames of a recorded JSC stack, minus `skip` from the top and the
// frames above (and including) a function named in `above`.
function framesOf(raw, skip, limit, aboveName) {
  let lines = typeof raw === 'string' && raw !== '' ? raw.split('\n') : [];
  lines = lines.slice(skip);
  while (lines.length > 0 && ownFrame(lines[0])) lines.shift();
  if (aboveName) {
    const at = lines.findIndex((l) => l.startsWith(`${aboveName}@`));
    if (at !== -1) lines = lines.slice(at + 1);
  }
  return lines.slice(0, limit).map(convertFrame);
}

function format(err, raw, skip, aboveName) {
  const frames = framesOf(raw, skip, userLimit, aboveName);
  const header = headerOf(err);
  return frames.length ? `${header}\n${frames.join('\n')}` : header;
}

// JavaScriptCore's own line, column and sourceURL properties name where
// the error was made: inside the wrapper now, so point them at the first
// frame of the caller's instead.
function relocate(err, raw) {
  const lines = typeof raw === 'string' ? raw.split('\n') : [];
  const first = lines.find((l) => l !== '' && !ownFrame(l));
  const m = first && /@(.*):(\d+):(\d+)$/.exec(first);
  if (!m) return;
  for (const [key, value] of [['sourceURL', m[1]], ['line', +m[2]],
    ['column', v8Column(m[1], +m[2], +m[3])]]) {
    Object.defineProperty(err, key, {
      value, writable: true, configurable: true, enumerable: false,
    });
  }
}

// A lazy `stack`: formatted on first read, a plain value once written.
function installStack(err, raw, skip, aboveName) {
  if (skip === 0) relocate(err, raw);
  Object.defineProperty(err, 'stack', {
    configurable: true,
    enumerable: false,
    get() {
      const value = format(err, raw, skip, aboveName);
      Object.defineProperty(err, 'stack', {
        value, writable: true, configurable: true, enumerable: false,
      });
      return value;
    },
    set(value) {
      Object.defineProperty(err, 'stack', {
        value, writable: true, configurable: true, enumerable: false,
      });
    },
  });
}

let userLimit = 10;

function install(global) {
  const NativeError = global.Error;
  const nativeCapture = NativeError.captureStackTrace;

  NativeError.stackTraceLimit = userLimit + OWN_FRAMES;
  const names = ['Error', 'TypeError', 'RangeError', 'SyntaxError',
    'ReferenceError', 'EvalError', 'URIError', 'AggregateError'];
  let wrappedError;
  for (const name of names) {
    const Native = global[name];
    if (typeof Native !== 'function') continue;
    const wrapped = new Proxy(Native, {
      construct(target, args, newTarget) {
        const err = Reflect.construct(target,
          args, newTarget === wrapped ? target : newTarget);
        if (typeof err.stack === 'string') {
          installStack(err, err.stack, 0, undefined);
        }
        return err;
      },
      apply(target, self, args) {
        const err = Reflect.construct(target, args, target);
        if (typeof err.stack === 'string') {
          installStack(err, err.stack, 0, undefined);
        }
        return err;
      },
      // TypeError's prototype is the wrapped Error, so that
      // Error.isPrototypeOf(TypeError) holds as it does unwrapped.
      getPrototypeOf(target) {
        const proto = Reflect.getPrototypeOf(target);
        return proto === NativeError && wrappedError ? wrappedError : proto;
      },
      get(target, key, receiver) {
        if (key === 'stackTraceLimit') return userLimit;
        return Reflect.get(target, key, receiver);
      },
      set(target, key, value, receiver) {
        if (key === 'stackTraceLimit') {
          userLimit = value;
          if (typeof value === 'number') NativeError.stackTraceLimit = value + OWN_FRAMES;
          return true;
        }
        return Reflect.set(target, key, value, receiver);
      },
    });
    Native.prototype.constructor = wrapped;
    global[name] = wrapped;
    if (name === 'Error') wrappedError = wrapped;
  }

  // V8's Error.captureStackTrace: `stack` on any object, from the caller's
  // frame (or from above `fn`), headed by the object's name and message.
  function captureStackTrace(obj, fn) {
    if (obj === null || (typeof obj !== 'object' && typeof obj !== 'function')) {
      throw new global.TypeError('invalid_argument');
    }
    // Frames above `fn` do not count toward the limit: record deep enough
    // to find fn, then keep stackTraceLimit frames below it.
    const holder = {};
    const saved = NativeError.stackTraceLimit;
    NativeError.stackTraceLimit = (typeof userLimit === 'number' ? userLimit : 10) + 64;
    try {
      nativeCapture(holder);
    } finally {
      NativeError.stackTraceLimit = saved;
    }
    const above = typeof fn === 'function' && fn.name ? fn.name : undefined;
    installStack(obj, holder.stack, 1, above);
  }
  Object.defineProperty(NativeError, 'captureStackTrace', {
    value: captureStackTrace, writable: true, configurable: true,
    enumerable: false,
  });
}

module.exports = { install };
