'use strict';
// node:assert — legacy (loose) mode; `assert.strict` and node:assert/strict
// are the strict variants. Failures throw AssertionError with Node 20's
// generated messages.

const AssertionError = require('internal/assert/assertion_error');
const { inspect } = require('internal/inspect');
const { codes } = require('internal/errors');
const { isDeepEqual, isDeepStrictEqual } = require('internal/comparisons');
const { isPromise, isRegExp, isNativeError } = require('internal/types');

const {
  ERR_AMBIGUOUS_ARGUMENT, ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE,
  ERR_INVALID_RETURN_VALUE, ERR_MISSING_ARGS,
} = codes;

const NO_EXCEPTION_SENTINEL = {};

function isError(e) {
  return isNativeError(e) || e instanceof Error;
}

function innerFail(obj) {
  if (obj.message instanceof Error) throw obj.message;
  throw new AssertionError(obj);
}

// ---------------------------------------------------------------------------
// assert(value) / assert.ok(value): the message quotes the failing call
// from the caller's source file when it can be read.

function findCallSource(fn) {
  if (typeof Error.captureStackTrace !== 'function') return undefined;
  const holder = {};
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 1;
  try {
    Error.captureStackTrace(holder, fn);
  } finally {
    Error.stackTraceLimit = limit;
  }
  const stack = typeof holder.stack === 'string' ? holder.stack : '';
  // V8 puts a header line first; JSC starts with the frames.
  const frames = stack.split('\n');
  const frame = (/^\s+at /.test(frames[1] || '') ? frames[1] : frames.find((f) => f.includes('@'))) || '';
  // V8's `    at fn (file:line:col)` / `    at file:line:col`, or JSC's
  // `fn@file:line:col`; only real files (not eval code or the REPL) can be
  // quoted.
  const m = frame.match(/[(@ ]((?:file:\/\/)?\/[^()@]*?|[A-Za-z]:\\[^()@]*?):(\d+):(\d+)\)?$/) ||
    frame.match(/^((?:file:\/\/)?\/[^()@]*?):(\d+):(\d+)$/);
  if (!m) return undefined;
  let file = m[1];
  if (file.startsWith('file://')) file = decodeURIComponent(file.slice(7));
  let source;
  try {
    // The runtime's own reader when there is one (nodec), else node:fs.
    let native;
    try {
      native = internalBinding('native');
    } catch {
      native = undefined;
    }
    source = native && native.readFileUtf8 ? native.readFileUtf8(file) :
      require('fs').readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
  const lines = source.split(/\r?\n/);
  const lineIdx = Number(m[2]) - 1;
  if (lineIdx >= lines.length) return undefined;
  return extractCall(lines, lineIdx, Number(m[3]) - 1);
}

// Finds the call expression the engine pointed at (`col` on line
// `lineIdx`): the innermost call whose source range covers that position,
// its end included. Continuation lines lose up to `start column` of
// indentation and are indented by two spaces.
function extractCall(lines, lineIdx, col) {
  const first = lines[lineIdx];
  // Work on the statement text from the start of the line onwards.
  const text = lines.slice(lineIdx, lineIdx + 50).join('\n');
  const calls = [];
  const stack = []; // open brackets: { ch, pos, calleeStart }
  let quote = null;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') {
      quote = ch;
    } else if (ch === '(' || ch === '[' || ch === '{') {
      stack.push({ ch, pos: i, calleeStart: ch === '(' ? calleeStartBefore(text, i) : -1 });
    } else if (ch === ')' || ch === ']' || ch === '}') {
      const open = stack.pop();
      if (open === undefined) break;
      if (open.ch === '(' && open.calleeStart !== -1) calls.push({ start: open.calleeStart, end: i + 1 });
      if (stack.length === 0 && open.pos >= col && calls.length > 0) break;
    }
  }
  // Calls complete innermost-first; take the first that covers `col`.
  const call = calls.find((c) => c.start <= col && c.end >= col);
  if (call === undefined || call.start >= first.length) return undefined;
  const code = text.slice(call.start, call.end);
  const parts = code.split('\n');
  let out = parts.shift();
  for (const part of parts) {
    let pos = 0;
    while (pos < call.start && (part[pos] === ' ' || part[pos] === '\t')) pos++;
    out += `\n  ${part.slice(pos)}`;
  }
  return out;
}

// Where the callee of the call whose '(' is at `parenPos` starts: back over
// a chain of names, `.`, `?.` and bracketed groups; -1 when the bracket is
// a plain parenthesized expression.
function calleeStartBefore(text, parenPos) {
  let i = parenPos;
  let sawSomething = false;
  while (i > 0) {
    const ch = text[i - 1];
    if (/[\w$]/.test(ch)) {
      while (i > 0 && /[\w$]/.test(text[i - 1])) i--;
      sawSomething = true;
      // Keywords such as `if (`, `while (` do not make calls.
      const word = text.slice(i, text.slice(i).search(/[^\w$]/) + i);
      if (/^(if|while|for|switch|catch|return|typeof|function|await|new|in|of|do|else|void|delete|case)$/.test(word)) {
        return -1;
      }
      if (text[i - 1] === '.' && text[i - 2] !== '.') {
        i--;
        if (text[i - 1] === '?') i--;
        continue;
      }
      break;
    } else if (ch === ')' || ch === ']') {
      // Skip a balanced group backwards.
      const close = ch;
      const openCh = close === ')' ? '(' : '[';
      let depth = 0;
      let j = i - 1;
      for (; j >= 0; j--) {
        if (text[j] === close) depth++;
        else if (text[j] === openCh && --depth === 0) break;
      }
      if (j < 0) return -1;
      i = j;
      sawSomething = true;
      if (close === ')' && j > 0 && /[\w$)\]]/.test(text[j - 1])) continue;
      if (close === ']' && j > 0 && /[\w$)\]]/.test(text[j - 1])) continue;
      if (text[i - 1] === '.' && text[i - 2] !== '.') {
        i--;
        continue;
      }
      break;
    } else {
      break;
    }
  }
  return sawSomething ? i : -1;
}

function getErrMessage(fn) {
  const code = findCallSource(fn);
  if (code === undefined) return undefined;
  return `The expression evaluated to a falsy value:\n\n  ${code}\n`;
}

function innerOk(fn, argLen, value, message) {
  if (!value) {
    let generatedMessage = false;
    if (argLen === 0) {
      generatedMessage = true;
      message = 'No value argument passed to `assert.ok()`';
    } else if (message == null) {
      generatedMessage = true;
      message = getErrMessage(fn);
    } else if (message instanceof Error) {
      throw message;
    }
    const err = new AssertionError({
      actual: value, expected: true, message, operator: '==', stackStartFn: fn,
    });
    err.generatedMessage = generatedMessage;
    throw err;
  }
}

function ok(...args) {
  innerOk(ok, args.length, ...args);
}

const assert = ok;
module.exports = assert;

// ---------------------------------------------------------------------------
// Equality

let warnedFail = false;

function fail(actual, expected, message, operator, stackStartFn) {
  const argsLen = arguments.length;
  let internalMessage = false;
  if (actual == null && argsLen <= 1) {
    internalMessage = true;
    message = 'Failed';
  } else if (argsLen === 1) {
    message = actual;
    actual = undefined;
  } else {
    if (!warnedFail) {
      warnedFail = true;
      if (typeof process === 'object' && process && typeof process.emitWarning === 'function') {
        process.emitWarning(
          'assert.fail() with more than one argument is deprecated. ' +
            'Please use assert.strictEqual() instead or only pass a message.',
          'DeprecationWarning',
          'DEP0094',
        );
      }
    }
    if (argsLen === 2) operator = '!=';
  }
  if (message instanceof Error) throw message;
  const err = new AssertionError({
    actual,
    expected,
    operator: operator === undefined ? 'fail' : operator,
    stackStartFn: stackStartFn || fail,
    message,
  });
  if (internalMessage) err.generatedMessage = true;
  throw err;
}
// Property order as in Node's module object.
assert.fail = fail;
assert.AssertionError = AssertionError;
assert.ok = ok;

function requireTwo(args) {
  if (args < 2) throw new ERR_MISSING_ARGS('actual', 'expected');
}

assert.equal = function equal(actual, expected, message) {
  requireTwo(arguments.length);
  // eslint-disable-next-line eqeqeq
  if (actual != expected && (!Number.isNaN(actual) || !Number.isNaN(expected))) {
    innerFail({ actual, expected, message, operator: '==', stackStartFn: equal });
  }
};

assert.notEqual = function notEqual(actual, expected, message) {
  requireTwo(arguments.length);
  // eslint-disable-next-line eqeqeq
  if (actual == expected || (Number.isNaN(actual) && Number.isNaN(expected))) {
    innerFail({ actual, expected, message, operator: '!=', stackStartFn: notEqual });
  }
};

assert.deepEqual = function deepEqual(actual, expected, message) {
  requireTwo(arguments.length);
  if (!isDeepEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'deepEqual', stackStartFn: deepEqual });
  }
};

assert.notDeepEqual = function notDeepEqual(actual, expected, message) {
  requireTwo(arguments.length);
  if (isDeepEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'notDeepEqual', stackStartFn: notDeepEqual });
  }
};

assert.deepStrictEqual = function deepStrictEqual(actual, expected, message) {
  requireTwo(arguments.length);
  if (!isDeepStrictEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'deepStrictEqual', stackStartFn: deepStrictEqual });
  }
};

assert.notDeepStrictEqual = notDeepStrictEqual;
function notDeepStrictEqual(actual, expected, message) {
  requireTwo(arguments.length);
  if (isDeepStrictEqual(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'notDeepStrictEqual', stackStartFn: notDeepStrictEqual });
  }
}

assert.strictEqual = function strictEqual(actual, expected, message) {
  requireTwo(arguments.length);
  if (!Object.is(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'strictEqual', stackStartFn: strictEqual });
  }
};

assert.notStrictEqual = function notStrictEqual(actual, expected, message) {
  requireTwo(arguments.length);
  if (Object.is(actual, expected)) {
    innerFail({ actual, expected, message, operator: 'notStrictEqual', stackStartFn: notStrictEqual });
  }
};

// ---------------------------------------------------------------------------
// throws / rejects

// Stand-in objects holding only the compared keys, so the diff shows just
// those.
class Comparison {
  constructor(obj, keys, actual) {
    for (const key of keys) {
      if (key in obj) {
        if (actual !== undefined && typeof actual[key] === 'string' && isRegExp(obj[key]) &&
            obj[key].exec(actual[key]) !== null) {
          this[key] = actual[key];
        } else {
          this[key] = obj[key];
        }
      }
    }
  }
}

function compareExceptionKey(actual, expected, key, message, keys, fn) {
  if (!(key in actual) || !isDeepStrictEqual(actual[key], expected[key])) {
    if (!message) {
      const a = new Comparison(actual, keys);
      const b = new Comparison(expected, keys, actual);
      const err = new AssertionError({ actual: a, expected: b, operator: 'deepStrictEqual', stackStartFn: fn });
      err.actual = actual;
      err.expected = expected;
      err.operator = fn.name;
      throw err;
    }
    innerFail({ actual, expected, message, operator: fn.name, stackStartFn: fn });
  }
}

// Checks a caught error against `expected` (a RegExp, an error class, a
// validation function or an object of expected properties).
function expectedException(actual, expected, message, fn) {
  let generatedMessage = false;
  let throwError = false;

  if (typeof expected !== 'function') {
    if (isRegExp(expected)) {
      const str = String(actual);
      if (expected.exec(str) !== null) return;
      if (!message) {
        generatedMessage = true;
        message = 'The input did not match the regular expression ' +
          `${inspect(expected)}. Input:\n\n${inspect(str)}\n`;
      }
      throwError = true;
    } else if (typeof actual !== 'object' || actual === null) {
      const err = new AssertionError({ actual, expected, message, operator: 'deepStrictEqual', stackStartFn: fn });
      err.operator = fn.name;
      throw err;
    } else {
      const keys = Object.keys(expected);
      if (expected instanceof Error) {
        keys.push('name', 'message');
      } else if (keys.length === 0) {
        throw new ERR_INVALID_ARG_VALUE('error', expected, 'may not be an empty object');
      }
      for (const key of keys) {
        if (typeof actual[key] === 'string' && isRegExp(expected[key]) &&
            expected[key].exec(actual[key]) !== null) {
          continue;
        }
        compareExceptionKey(actual, expected, key, message, keys, fn);
      }
      return;
    }
  } else if (expected.prototype !== undefined && actual instanceof expected) {
    return;
  } else if (Object.prototype.isPrototypeOf.call(Error, expected)) {
    if (!message) {
      generatedMessage = true;
      message = 'The error is expected to be an instance of ' +
        `"${expected.name}". Received `;
      if (isError(actual)) {
        const name = (actual.constructor && actual.constructor.name) || actual.name;
        if (expected.name === name) {
          message += 'an error with identical name but a different prototype.';
        } else {
          message += `"${name}"`;
        }
        if (actual.message) message += `\n\nError message:\n\n${actual.message}`;
      } else {
        message += `"${inspect(actual, { depth: -1 })}"`;
      }
    }
    throwError = true;
  } else {
    // A validation function.
    const res = Reflect.apply(expected, {}, [actual]);
    if (res !== true) {
      if (!message) {
        generatedMessage = true;
        const name = expected.name ? `"${expected.name}" ` : '';
        message = `The ${name}validation function is expected to return` +
          ` "true". Received ${inspect(res)}`;
        if (isError(actual)) message += `\n\nCaught error:\n\n${actual}`;
      }
      throwError = true;
    }
  }

  if (throwError) {
    const err = new AssertionError({ actual, expected, message, operator: fn.name, stackStartFn: fn });
    err.generatedMessage = generatedMessage;
    throw err;
  }
}

function getActual(fn) {
  if (typeof fn !== 'function') throw new ERR_INVALID_ARG_TYPE('fn', 'Function', fn);
  try {
    fn();
  } catch (e) {
    return e;
  }
  return NO_EXCEPTION_SENTINEL;
}

function checkIsPromise(obj) {
  // Promises and thenables with a catch method qualify.
  return isPromise(obj) ||
    (obj !== null && typeof obj === 'object' && typeof obj.then === 'function' &&
     typeof obj.catch === 'function');
}

async function waitForActual(promiseFn) {
  let resultPromise;
  if (typeof promiseFn === 'function') {
    resultPromise = promiseFn();
    if (!checkIsPromise(resultPromise)) {
      throw new ERR_INVALID_RETURN_VALUE('instance of Promise', 'promiseFn', resultPromise);
    }
  } else if (checkIsPromise(promiseFn)) {
    resultPromise = promiseFn;
  } else {
    throw new ERR_INVALID_ARG_TYPE('promiseFn', ['Function', 'Promise'], promiseFn);
  }
  try {
    await resultPromise;
  } catch (e) {
    return e;
  }
  return NO_EXCEPTION_SENTINEL;
}

function expectsError(stackStartFn, actual, error, message) {
  if (typeof error === 'string') {
    if (arguments.length === 4) {
      throw new ERR_INVALID_ARG_TYPE('error', ['Object', 'Error', 'Function', 'RegExp'], error);
    }
    if (typeof actual === 'object' && actual !== null) {
      if (actual.message === error) {
        throw new ERR_AMBIGUOUS_ARGUMENT('error/message',
          `The error message "${actual.message}" is identical to the message.`);
      }
    } else if (actual === error) {
      throw new ERR_AMBIGUOUS_ARGUMENT('error/message',
        `The error "${actual}" is identical to the message.`);
    }
    message = error;
    error = undefined;
  } else if (error != null && typeof error !== 'object' && typeof error !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('error', ['Object', 'Error', 'Function', 'RegExp'], error);
  }

  if (actual === NO_EXCEPTION_SENTINEL) {
    let details = '';
    if (error && error.name) details += ` (${error.name})`;
    details += message ? `: ${message}` : '.';
    const fnType = stackStartFn === assert.rejects ? 'rejection' : 'exception';
    innerFail({
      actual: undefined,
      expected: error,
      operator: stackStartFn.name,
      message: `Missing expected ${fnType}${details}`,
      stackStartFn,
    });
  }
  if (!error) return;
  expectedException(actual, error, message, stackStartFn);
}

function hasMatchingError(actual, expected) {
  if (typeof expected !== 'function') {
    if (isRegExp(expected)) return expected.exec(String(actual)) !== null;
    throw new ERR_INVALID_ARG_TYPE('expected', ['Function', 'RegExp'], expected);
  }
  if (expected.prototype !== undefined && actual instanceof expected) return true;
  if (Object.prototype.isPrototypeOf.call(Error, expected)) return false;
  return Reflect.apply(expected, {}, [actual]) === true;
}

function expectsNoError(stackStartFn, actual, error, message) {
  if (actual === NO_EXCEPTION_SENTINEL) return;
  if (typeof error === 'string') {
    message = error;
    error = undefined;
  }
  if (!error || hasMatchingError(actual, error)) {
    const details = message ? `: ${message}` : '.';
    const fnType = stackStartFn === assert.doesNotReject ? 'rejection' : 'exception';
    innerFail({
      actual,
      expected: error,
      operator: stackStartFn.name,
      message: `Got unwanted ${fnType}${details}\n` +
        `Actual message: "${actual && actual.message}"`,
      stackStartFn,
    });
  }
  throw actual;
}

assert.throws = function throws(promiseFn, ...args) {
  expectsError(throws, getActual(promiseFn), ...args);
};

assert.rejects = async function rejects(promiseFn, ...args) {
  expectsError(rejects, await waitForActual(promiseFn), ...args);
};

assert.doesNotThrow = function doesNotThrow(fn, ...args) {
  expectsNoError(doesNotThrow, getActual(fn), ...args);
};

assert.doesNotReject = async function doesNotReject(fn, ...args) {
  expectsNoError(doesNotReject, await waitForActual(fn), ...args);
};

assert.ifError = function ifError(err) {
  if (err !== null && err !== undefined) {
    let message = 'ifError got unwanted exception: ';
    if (typeof err === 'object' && typeof err.message === 'string') {
      if (err.message.length === 0 && err.constructor) message += err.constructor.name;
      else message += err.message;
    } else {
      message += inspect(err);
    }
    const newErr = new AssertionError({
      actual: err, expected: null, operator: 'ifError', message, stackStartFn: ifError,
    });
    // The original error's frames are the interesting ones: append them.
    const origStack = err && err.stack;
    if (typeof origStack === 'string') {
      const origFrames = origStack.split('\n');
      origFrames.shift();
      let newFrames = String(newErr.stack).split('\n');
      for (const errFrame of origFrames) {
        const pos = newFrames.indexOf(errFrame);
        if (pos !== -1) {
          newFrames = newFrames.slice(0, pos);
          break;
        }
      }
      const stackStart = newFrames.join('\n');
      const stackEnd = origFrames.join('\n');
      newErr.stack = `${stackStart}\n${stackEnd}`;
    }
    throw newErr;
  }
};

function internalMatch(string, regexp, message, fn) {
  if (!isRegExp(regexp)) throw new ERR_INVALID_ARG_TYPE('regexp', 'RegExp', regexp);
  const match = fn === assert.match;
  if (typeof string !== 'string' || (regexp.exec(string) !== null) !== match) {
    if (message instanceof Error) throw message;
    const generatedMessage = !message;
    message = message || (typeof string !== 'string' ?
      'The "string" argument must be of type string. Received type ' +
        `${typeof string} (${inspect(string)})` :
      (match ?
        'The input did not match the regular expression ' :
        'The input was expected to not match the regular expression ') +
          `${inspect(regexp)}. Input:\n\n${inspect(string)}\n`);
    const err = new AssertionError({ actual: string, expected: regexp, message, operator: fn.name, stackStartFn: fn });
    err.generatedMessage = generatedMessage;
    throw err;
  }
}

assert.match = function match(string, regexp, message) {
  internalMatch(string, regexp, message, match);
};

assert.doesNotMatch = function doesNotMatch(string, regexp, message) {
  internalMatch(string, regexp, message, doesNotMatch);
};

// assert.strict: the same API with strict comparisons under the loose names.
function strict(...args) {
  innerOk(strict, args.length, ...args);
}

assert.strict = Object.assign(strict, assert, {
  equal: assert.strictEqual,
  deepEqual: assert.deepStrictEqual,
  notEqual: assert.notStrictEqual,
  notDeepEqual: assert.notDeepStrictEqual,
});
assert.strict.strict = assert.strict;
