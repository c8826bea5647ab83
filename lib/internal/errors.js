'use strict';
// Node's internal error classes: errors that carry a `code` and whose
// message texts match Node 20 exactly.
//
// An error made here has `name` === its base class name ('TypeError', ...)
// but its stack header and toString() read `TypeError [ERR_X]: message`, as
// in Node. `code` is an own enumerable property, so util.inspect shows
// `{ code: 'ERR_X' }` after the stack.

const messages = new Map();
const codes = {};

// Lazily loaded: inspect needs errors for its own argument checks.
let inspectModule;
function lazyInspect() {
  if (inspectModule === undefined) inspectModule = require('internal/inspect');
  return inspectModule;
}

// Builds the message for `key` from its template (a string with %s/%d
// placeholders formatted by util.format, or a function of the arguments).
function getMessage(key, args, self) {
  const msg = messages.get(key);
  if (typeof msg === 'function') return msg.apply(self, args);
  // Arguments only fill placeholders; a fixed text ignores them.
  const expected = (msg.match(/%[dfijoOs]/g) || []).length;
  if (expected === 0) return msg;
  return lazyInspect().format(msg, ...args.slice(0, expected));
}

function makeNodeErrorWithCode(Base, key) {
  return class NodeError extends Base {
    constructor(...args) {
      super(getMessage(key, args, null));
      // The stack header is written when the stack is captured: name the
      // error `Base [CODE]` for that moment only, then fall back to the
      // prototype's `name`.
      Object.defineProperty(this, 'name', {
        value: `${Base.name} [${key}]`, enumerable: false, writable: true, configurable: true,
      });
      if (typeof Error.captureStackTrace === 'function') Error.captureStackTrace(this, NodeError);
      // Touch the stack so engines that format it lazily do so now.
      // eslint-disable-next-line no-unused-expressions
      this.stack;
      delete this.name;
      this.code = key;
    }

    get ['constructor']() {
      return Base;
    }

    toString() {
      return `${this.name} [${key}]: ${this.message}`;
    }
  };
}

// E(code, message, Base[, ...otherBases]) registers an error code. Extra
// bases get their own classes under codes[code].<BaseName>.
function E(sym, val, def, ...otherClasses) {
  messages.set(sym, val);
  const C = makeNodeErrorWithCode(def, sym);
  // Let `instanceof` and constructor names look like the base class.
  Object.defineProperty(C, 'name', { value: def.name });
  if (otherClasses.length !== 0) {
    for (const clazz of otherClasses) {
      C[clazz.name] = makeNodeErrorWithCode(clazz, sym);
    }
  }
  codes[sym] = C;
}

// --- helpers for messages

const classRegExp = /^([A-Z][a-z0-9]*)+$/;
const kTypes = ['string', 'function', 'number', 'object', 'Function', 'Object',
  'boolean', 'bigint', 'symbol'];

function formatList(array, type = 'and') {
  if (array.length < 3) return array.join(` ${type} `);
  return `${array.slice(0, -1).join(', ')}, ${type} ${array[array.length - 1]}`;
}

// What `Received ...` says about a value.
function determineSpecificType(value) {
  if (value == null) return '' + value;
  if (typeof value === 'function') return `function ${value.name}`;
  if (typeof value === 'object') {
    if (value.constructor && value.constructor.name) {
      return `an instance of ${value.constructor.name}`;
    }
    return `${lazyInspect().inspect(value, { depth: -1 })}`;
  }
  let inspected = lazyInspect().inspect(value, { colors: false });
  if (inspected.length > 28) inspected = `${inspected.slice(0, 25)}...`;
  return `type ${typeof value} (${inspected})`;
}

function addNumericalSeparator(val) {
  let res = '';
  let i = val.length;
  const start = val[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) res = `_${val.slice(i - 3, i)}${res}`;
  return `${val.slice(0, i)}${res}`;
}

// --- the codes

E('ERR_INVALID_ARG_TYPE', (name, expected, actual) => {
  if (!Array.isArray(expected)) expected = [expected];
  let msg = 'The ';
  if (name.endsWith(' argument')) {
    // For cases like 'first argument'
    msg += `${name} `;
  } else {
    const type = name.includes('.') ? 'property' : 'argument';
    msg += `"${name}" ${type} `;
  }
  msg += 'must be ';

  const types = [];
  const instances = [];
  const other = [];
  for (const value of expected) {
    if (kTypes.includes(value)) {
      types.push(value.toLowerCase());
    } else if (classRegExp.test(value)) {
      instances.push(value);
    } else {
      other.push(value);
    }
  }
  // 'object' as a type is better described by "an instance of Object" when
  // other instances are listed too.
  if (instances.length > 0) {
    const pos = types.indexOf('object');
    if (pos !== -1) {
      types.splice(pos, 1);
      instances.push('Object');
    }
  }
  if (types.length > 0) {
    if (types.length > 2) {
      const last = types.pop();
      msg += `one of type ${types.join(', ')}, or ${last}`;
    } else if (types.length === 2) {
      msg += `one of type ${types[0]} or ${types[1]}`;
    } else {
      msg += `of type ${types[0]}`;
    }
    if (instances.length > 0 || other.length > 0) msg += ' or ';
  }
  if (instances.length > 0) {
    if (instances.length > 2) {
      const last = instances.pop();
      msg += `an instance of ${instances.join(', ')}, or ${last}`;
    } else {
      msg += `an instance of ${instances[0]}`;
      if (instances.length === 2) msg += ` or ${instances[1]}`;
    }
    if (other.length > 0) msg += ' or ';
  }
  if (other.length > 0) {
    if (other.length > 2) {
      const last = other.pop();
      msg += `one of ${other.join(', ')}, or ${last}`;
    } else if (other.length === 2) {
      msg += `one of ${other[0]} or ${other[1]}`;
    } else {
      if (other[0].toLowerCase() !== other[0]) msg += 'an ';
      msg += `${other[0]}`;
    }
  }
  msg += `. Received ${determineSpecificType(actual)}`;
  return msg;
}, TypeError);

E('ERR_INVALID_ARG_VALUE', (name, value, reason = 'is invalid') => {
  let inspected = lazyInspect().inspect(value);
  if (inspected.length > 128) inspected = `${inspected.slice(0, 128)}...`;
  const type = name.includes('.') ? 'property' : 'argument';
  return `The ${type} '${name}' ${reason}. Received ${inspected}`;
}, TypeError, RangeError);

E('ERR_OUT_OF_RANGE', (str, range, input, replaceDefaultBoolean = false) => {
  let msg = replaceDefaultBoolean ? str : `The value of "${str}" is out of range.`;
  let received;
  if (Number.isInteger(input) && Math.abs(input) > 2 ** 32) {
    received = addNumericalSeparator(String(input));
  } else if (typeof input === 'bigint') {
    received = String(input);
    if (input > 2n ** 32n || input < -(2n ** 32n)) received = addNumericalSeparator(received);
    received += 'n';
  } else {
    received = lazyInspect().inspect(input);
  }
  msg += ` It must be ${range}. Received ${received}`;
  return msg;
}, RangeError);

E('ERR_UNHANDLED_ERROR', (err = undefined) => {
  const msg = 'Unhandled error.';
  if (err === undefined) return msg;
  // The caller passes the already inspected value.
  return `${msg} (${err})`;
}, Error);

E('ERR_AMBIGUOUS_ARGUMENT', 'The "%s" argument is ambiguous. %s', TypeError);
E('ERR_INVALID_THIS', 'Value of "this" must be of type %s', TypeError);
E('ERR_MISSING_ARGS', (...args) => {
  let msg = 'The ';
  const len = args.length;
  const wrap = (a) => `"${a}"`;
  args = args.map((a) => (Array.isArray(a) ? a.map(wrap).join(' or ') : wrap(a)));
  switch (len) {
    case 1:
      msg += `${args[0]} argument`;
      break;
    case 2:
      msg += `${args[0]} and ${args[1]} arguments`;
      break;
    default:
      msg += args.slice(0, len - 1).join(', ');
      msg += `, and ${args[len - 1]} arguments`;
      break;
  }
  return `${msg} must be specified`;
}, TypeError);
E('ERR_INVALID_RETURN_VALUE', (input, name, value) => {
  return `Expected ${input} to be returned from the "${name}" function but got ${determineSpecificType(value)}.`;
}, TypeError, RangeError);
// The caller sets `reason` on the error.
E('ERR_FALSY_VALUE_REJECTION', 'Promise was rejected with falsy value', Error);
E('ERR_METHOD_NOT_IMPLEMENTED', 'The %s method is not implemented', Error);
E('ERR_INVALID_STATE', 'Invalid state: %s', Error, TypeError, RangeError);
E('ERR_ILLEGAL_CONSTRUCTOR', 'Illegal constructor', TypeError);
E('ERR_PARSE_ARGS_INVALID_OPTION_VALUE', '%s', TypeError);
E('ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL', "Unexpected argument '%s'. This " +
  'command does not take positional arguments', TypeError);
E('ERR_PARSE_ARGS_UNKNOWN_OPTION', (option, allowPositionals) => {
  const suggestDashDash = allowPositionals ?
    `. To specify a positional argument starting with a '-', place it at the end of the command after '--', as in '-- ${JSON.stringify(option)}` : '';
  return `Unknown option '${option}'${suggestDashDash}`;
}, TypeError);
E('ERR_INVALID_ARG_VALUE_RANGE', '%s', RangeError);
E('ERR_UNKNOWN_SIGNAL', 'Unknown signal: %s', TypeError);
E('ERR_INVALID_URI', 'URI malformed', URIError);

// AbortError is a DOMException-like error used by events.once/on and
// timers/promises when a signal aborts.
class AbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    if (options !== undefined && typeof options !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

// The error passed to 'error' listeners by captureRejections-style code and
// to callbackify's callback when a promise rejects with a falsy value.
function hideStackFrames(fn) {
  return fn;
}

module.exports = {
  codes,
  AbortError,
  hideStackFrames,
  determineSpecificType,
  formatList,
  addNumericalSeparator,
  // Exposed so other lib modules can register their own codes.
  E,
};
