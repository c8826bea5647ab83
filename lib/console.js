'use strict';
// node:console — the Console class and the global console, formatting as
// Node 20 does (util.formatWithOptions, colors per stream, group indents,
// count/time labels, table, trace, assert).
//
// `require('console')` is the global console object: the runtime installs
// it as globalThis.console. It writes to process.stdout / process.stderr,
// looked up on first use, so loading this module touches no stream.

const { shouldColorize } = require('internal/util');

// Everything else loads on first need, so that `console.log('hello')`
// costs only this module.
let inspectModule;
function inspectLib() {
  if (inspectModule === undefined) inspectModule = require('internal/inspect');
  return inspectModule;
}
function inspect(value, options) {
  return inspectLib().inspect(value, options);
}
function codes() {
  return require('internal/errors').codes;
}
function ERR_CONSOLE_WRITABLE_STREAM(...args) {
  return new (codes().ERR_CONSOLE_WRITABLE_STREAM)(...args);
}
function ERR_INVALID_ARG_VALUE(...args) {
  return new (codes().ERR_INVALID_ARG_VALUE)(...args);
}
function ERR_INCOMPATIBLE_OPTION_PAIR(...args) {
  return new (codes().ERR_INCOMPATIBLE_OPTION_PAIR)(...args);
}
function ERR_INVALID_ARG_TYPE(...args) {
  return new (codes().ERR_INVALID_ARG_TYPE)(...args);
}
function ERR_OUT_OF_RANGE(...args) {
  return new (codes().ERR_OUT_OF_RANGE)(...args);
}

// util.formatWithOptions, without loading inspect when every argument is
// a string and there is nothing to substitute (the result is then the
// strings joined by spaces).
function formatWithOptions(options, ...args) {
  let plain = true;
  for (let i = 0; i < args.length; i++) {
    if (typeof args[i] !== 'string') {
      plain = false;
      break;
    }
  }
  if (plain && (args.length < 2 || !args[0].includes('%'))) return args.join(' ');
  return inspectLib().formatWithOptions(options, ...args);
}

const kCounts = Symbol('counts');
const kColorMode = Symbol('kColorMode');
const kGroupIndent = Symbol('kGroupIndent');
const kGroupIndentWidth = Symbol('kGroupIndentWidth');
const kIsConsole = Symbol('kIsConsole');
const kWriteToConsole = Symbol('kWriteToConsole');
const kGetInspectOptions = Symbol('kGetInspectOptions');
const kFormatForStdout = Symbol('kFormatForStdout');
const kFormatForStderr = Symbol('kFormatForStderr');
const kBindStreamsEager = Symbol('kBindStreamsEager');
const kBindStreamsLazy = Symbol('kBindStreamsLazy');
const kBindProperties = Symbol('kBindProperties');
const kUseStdout = Symbol('kUseStdout');
const kUseStderr = Symbol('kUseStderr');

// Console-specific inspect options per instance (the `inspectOptions`
// constructor option).
const optionsMap = new WeakMap();

const kColorInspectOptions = { colors: true };
const kNoColorInspectOptions = {};

function noop() {}

function runtimeConsoleStream(fd) {
  let b;
  try {
    b = internalBinding('native');
  } catch {
    return undefined;
  }
  return b && typeof b.consoleStream === 'function' ? b.consoleStream(fd) : undefined;
}

function nowHr() {
  return process.hrtime();
}

function elapsedMs(start) {
  const d = process.hrtime(start);
  return d[0] * 1000 + d[1] / 1e6;
}

// `1.234ms`, `1.234s`, `1:02.345 (m:ss.mmm)`, `1:02:03.456 (h:mm:ss.mmm)`.
function formatTime(ms) {
  let hours = 0;
  let minutes = 0;
  let seconds = 0;
  if (ms >= 1000) {
    if (ms >= 60000) {
      if (ms >= 3600000) {
        hours = Math.floor(ms / 3600000);
        ms %= 3600000;
      }
      minutes = Math.floor(ms / 60000);
      ms %= 60000;
    }
    seconds = ms / 1000;
  }
  if (hours !== 0 || minutes !== 0) {
    const [secs, millis] = seconds.toFixed(3).split('.');
    const pad = (n) => String(n).padStart(2, '0');
    const res = hours !== 0 ? `${hours}:${pad(minutes)}` : minutes;
    return `${res}:${pad(secs)}.${millis} (${hours !== 0 ? 'h:m' : ''}m:ss.mmm)`;
  }
  if (seconds !== 0) return `${seconds.toFixed(3)}s`;
  return `${Number(ms.toFixed(3))}ms`;
}

function validateStream(stream, name) {
  if (!stream || typeof stream.write !== 'function') throw ERR_CONSOLE_WRITABLE_STREAM(name);
}

// The Console constructor works with and without `new`, and accepts
// either (stdout[, stderr[, ignoreErrors]]) or an options object.
function Console(options /* or: stdout, stderr, ignoreErrors = true */) {
  if (!new.target) return Reflect.construct(Console, arguments);

  if (!options || typeof options.write === 'function') {
    options = { stdout: options, stderr: arguments[1], ignoreErrors: arguments[2] };
  }
  const {
    stdout,
    stderr = stdout,
    ignoreErrors = true,
    colorMode = 'auto',
    inspectOptions,
    groupIndentation,
  } = options;

  validateStream(stdout, 'stdout');
  validateStream(stderr, 'stderr');

  if (typeof colorMode !== 'boolean' && colorMode !== 'auto') {
    throw ERR_INVALID_ARG_VALUE('colorMode', colorMode, "must be one of: 'auto', true, false");
  }
  if (groupIndentation !== undefined) {
    if (typeof groupIndentation !== 'number') {
      throw ERR_INVALID_ARG_TYPE('groupIndentation', 'number', groupIndentation);
    }
    if (!Number.isInteger(groupIndentation)) {
      throw ERR_OUT_OF_RANGE('groupIndentation', 'an integer', groupIndentation);
    }
    if (groupIndentation < 0 || groupIndentation > 1000) {
      throw ERR_OUT_OF_RANGE('groupIndentation', '>= 0 && <= 1000', groupIndentation);
    }
  }
  if (inspectOptions !== undefined) {
    if (inspectOptions === null || typeof inspectOptions !== 'object') {
      throw ERR_INVALID_ARG_TYPE('options.inspectOptions', 'object', inspectOptions);
    }
    if (inspectOptions.colors !== undefined && options.colorMode !== undefined) {
      throw ERR_INCOMPATIBLE_OPTION_PAIR('options.inspectOptions.color', 'colorMode');
    }
    optionsMap.set(this, inspectOptions);
  }

  // Methods are bound so `const { log } = console` works.
  for (const key of Object.keys(Console.prototype)) {
    this[key] = Console.prototype[key].bind(this);
    Object.defineProperty(this[key], 'name', { value: key });
  }

  this[kBindStreamsEager](stdout, stderr);
  this[kBindProperties](ignoreErrors, colorMode, groupIndentation);
}

const consolePropAttributes = { writable: true, enumerable: false, configurable: true };

Object.defineProperty(Console, Symbol.hasInstance, {
  value(instance) {
    return instance !== null && typeof instance === 'object' && instance[kIsConsole] === true;
  },
});

const consoleMethods = {
  log(...args) {
    this[kWriteToConsole](kUseStdout, this[kFormatForStdout](args));
  },

  warn(...args) {
    this[kWriteToConsole](kUseStderr, this[kFormatForStderr](args));
  },

  dir(object, options) {
    this[kWriteToConsole](kUseStdout, inspect(object, {
      customInspect: false,
      ...this[kGetInspectOptions](this._stdout),
      ...options,
    }));
  },

  time(label = 'default') {
    label = `${label}`;
    if (this._times.has(label)) {
      process.emitWarning(`Label '${label}' already exists for console.time()`);
      return;
    }
    this._times.set(label, nowHr());
  },

  timeEnd(label = 'default') {
    label = `${label}`;
    const found = timeLogImpl(this, 'timeEnd', label);
    if (found) this._times.delete(label);
  },

  timeLog(label = 'default', ...data) {
    label = `${label}`;
    timeLogImpl(this, 'timeLog', label, data);
  },

  trace: function trace(...args) {
    const err = { name: 'Trace', message: this[kFormatForStderr](args) };
    if (typeof Error.captureStackTrace === 'function') Error.captureStackTrace(err, trace);
    this.error(err.stack);
  },

  assert(expression, ...args) {
    if (!expression) {
      args[0] = `Assertion failed${args.length === 0 ? '' : `: ${args[0]}`}`;
      Reflect.apply(this.warn, this, args);
    }
  },

  // Clears the terminal (only when stdout is one, without colors off).
  clear() {
    if (this._stdout.isTTY && process.env.TERM !== 'dumb') {
      this._stdout.write('\u001b[1;1H');
      this._stdout.write('\u001b[0J');
    }
  },

  count(label = 'default') {
    label = `${label}`;
    const counts = this[kCounts];
    let count = counts.get(label);
    if (count === undefined) count = 1;
    else count++;
    counts.set(label, count);
    this.log(`${label}: ${count}`);
  },

  countReset(label = 'default') {
    const counts = this[kCounts];
    if (!counts.has(label)) {
      process.emitWarning(`Count for '${label}' does not exist`);
      return;
    }
    counts.delete(`${label}`);
  },

  group(...data) {
    if (data.length > 0) Reflect.apply(this.log, this, data);
    this[kGroupIndent] += ' '.repeat(this[kGroupIndentWidth]);
  },

  groupEnd() {
    this[kGroupIndent] = this[kGroupIndent].slice(0, this[kGroupIndent].length - this[kGroupIndentWidth]);
  },

  table(tabularData, properties) {
    if (properties !== undefined && !Array.isArray(properties)) {
      throw ERR_INVALID_ARG_TYPE('properties', 'Array', properties);
    }
    if (tabularData === null || typeof tabularData !== 'object') return this.log(tabularData);
    const cliTable = require('internal/cli_table');
    const print = (head, columns) => this.log(cliTable(head, columns));

    // Cells: objects with more than two keys collapse to their type.
    const cell = (v) => {
      const depth = v !== null && typeof v === 'object' && !Array.isArray(v) &&
        Object.keys(v).length > 2 ? -1 : 0;
      return inspect(v, { depth, maxArrayLength: 3, breakLength: Infinity, ...this[kGetInspectOptions](this._stdout) });
    };
    const indexColumn = (length) => Array.from({ length }, (_, i) => cell(i));

    const types = require('internal/types');
    const engine = inspectLib().previewEntries;
    const preview = (v) => engine(v);
    const mapIter = types.isMapIterator(tabularData);
    let isKeyValue = false;
    if (mapIter) {
      const res = preview(tabularData) || [[], false];
      tabularData = res[0];
      isKeyValue = res[1];
    }
    if (isKeyValue || types.isMap(tabularData)) {
      const keys = [];
      const values = [];
      if (mapIter) {
        for (let i = 0; i < tabularData.length / 2; ++i) {
          keys.push(cell(tabularData[i * 2]));
          values.push(cell(tabularData[i * 2 + 1]));
        }
      } else {
        for (const [k, v] of tabularData) {
          keys.push(cell(k));
          values.push(cell(v));
        }
      }
      return print(['(iteration index)', 'Key', 'Values'], [indexColumn(keys.length), keys, values]);
    }

    const setIter = types.isSetIterator(tabularData);
    if (setIter) tabularData = (preview(tabularData) || [[]])[0];
    if (setIter || mapIter || types.isSet(tabularData)) {
      const values = [];
      for (const v of tabularData) values.push(cell(v));
      return print(['(iteration index)', 'Values'], [indexColumn(values.length), values]);
    }

    // One row per own key; columns from the union of the rows' keys (or
    // `properties`), plus 'Values' for primitive rows.
    const map = { __proto__: null };
    let hasPrimitives = false;
    const valuesColumn = [];
    const indexKeys = Object.keys(tabularData);
    for (let i = 0; i < indexKeys.length; i++) {
      const item = tabularData[indexKeys[i]];
      const primitive = item === null || (typeof item !== 'function' && typeof item !== 'object');
      if (properties === undefined && primitive) {
        hasPrimitives = true;
        valuesColumn[i] = cell(item);
      } else {
        const keys = properties || Object.keys(item);
        for (const key of keys) {
          map[key] ??= [];
          if ((primitive && properties) || !Object.prototype.hasOwnProperty.call(item, key)) {
            map[key][i] = '';
          } else {
            map[key][i] = cell(item[key]);
          }
        }
      }
    }
    const head = Object.keys(map);
    const columns = Object.values(map);
    if (hasPrimitives) {
      head.push('Values');
      columns.push(valuesColumn);
    }
    head.unshift('(index)');
    columns.unshift(indexKeys);
    return print(head, columns);
  },
};

function timeLogImpl(self, name, label, data) {
  const start = self._times.get(label);
  if (start === undefined) {
    process.emitWarning(`No such label '${label}' for console.${name}()`);
    return false;
  }
  const formatted = formatTime(elapsedMs(start));
  if (data === undefined) self.log('%s: %s', label, formatted);
  else self.log('%s: %s', label, formatted, ...data);
  return true;
}

for (const [name, fn] of Object.entries(consoleMethods)) {
  Object.defineProperty(Console.prototype, name, { value: fn, writable: true, enumerable: true, configurable: true });
}
for (const [alias, target] of [['debug', 'log'], ['info', 'log'], ['dirxml', 'log'], ['error', 'warn'], ['groupCollapsed', 'group']]) {
  Object.defineProperty(Console.prototype, alias, {
    value: Console.prototype[target], writable: true, enumerable: true, configurable: true,
  });
}

Object.defineProperties(Console.prototype, {
  [kBindStreamsEager]: {
    ...consolePropAttributes,
    value(stdout, stderr) {
      Object.defineProperties(this, {
        _stdout: { ...consolePropAttributes, value: stdout },
        _stderr: { ...consolePropAttributes, value: stderr },
      });
    },
  },
  // For the global console: streams are looked up on first use.
  [kBindStreamsLazy]: {
    ...consolePropAttributes,
    value(object) {
      let stdout;
      let stderr;
      Object.defineProperties(this, {
        _stdout: {
          enumerable: false,
          configurable: true,
          get() {
            return stdout ??= object.stdout;
          },
          set(value) {
            stdout = value;
          },
        },
        _stderr: {
          enumerable: false,
          configurable: true,
          get() {
            return stderr ??= object.stderr;
          },
          set(value) {
            stderr = value;
          },
        },
      });
    },
  },
  [kBindProperties]: {
    ...consolePropAttributes,
    value(ignoreErrors, colorMode, groupIndentation = 2) {
      Object.defineProperties(this, {
        _stdoutErrorHandler: { ...consolePropAttributes, value: createWriteErrorHandler(this, kUseStdout) },
        _stderrErrorHandler: { ...consolePropAttributes, value: createWriteErrorHandler(this, kUseStderr) },
        _ignoreErrors: { ...consolePropAttributes, value: Boolean(ignoreErrors) },
        _times: { ...consolePropAttributes, value: new Map() },
        [kCounts]: { ...consolePropAttributes, value: new Map() },
        [kColorMode]: { ...consolePropAttributes, value: colorMode },
        [kIsConsole]: { ...consolePropAttributes, value: true },
        [kGroupIndent]: { ...consolePropAttributes, value: '' },
        [kGroupIndentWidth]: { ...consolePropAttributes, value: groupIndentation },
        [Symbol.toStringTag]: { writable: false, enumerable: false, configurable: true, value: 'console' },
      });
    },
  },
  [kWriteToConsole]: {
    ...consolePropAttributes,
    value(streamSymbol, string) {
      const ignoreErrors = this._ignoreErrors;
      const groupIndent = this[kGroupIndent];
      const useStdout = streamSymbol === kUseStdout;
      const stream = useStdout ? this._stdout : this._stderr;
      const errorHandler = useStdout ? this._stdoutErrorHandler : this._stderrErrorHandler;

      if (groupIndent.length !== 0) {
        if (string.includes('\n')) string = string.replace(/\n/g, `\n${groupIndent}`);
        string = groupIndent + string;
      }
      string += '\n';

      if (ignoreErrors === false) return stream.write(string);

      // Write errors are swallowed (console is for debugging); a
      // temporary 'error' listener catches the ones emitted synchronously.
      const canListen = typeof stream.listenerCount === 'function' && typeof stream.once === 'function';
      try {
        if (canListen && stream.listenerCount('error') === 0) stream.once('error', noop);
        stream.write(string, errorHandler);
      } catch (e) {
        if (e instanceof RangeError && /call stack/i.test(String(e.message))) throw e;
      } finally {
        if (canListen && typeof stream.removeListener === 'function') stream.removeListener('error', noop);
      }
    },
  },
  [kGetInspectOptions]: {
    ...consolePropAttributes,
    value(stream) {
      let color = this[kColorMode];
      if (color === 'auto') color = shouldColorize(stream);
      const options = optionsMap.get(this);
      if (options) {
        if (options.colors === undefined) options.colors = color;
        return options;
      }
      return color ? kColorInspectOptions : kNoColorInspectOptions;
    },
  },
  [kFormatForStdout]: {
    ...consolePropAttributes,
    value(args) {
      return formatWithOptions(this[kGetInspectOptions](this._stdout), ...args);
    },
  },
  [kFormatForStderr]: {
    ...consolePropAttributes,
    value(args) {
      return formatWithOptions(this[kGetInspectOptions](this._stderr), ...args);
    },
  },
});

function createWriteErrorHandler(instance, streamSymbol) {
  return (err) => {
    // A write error (e.g. EPIPE) stops further attempts to use the stream
    // from throwing when nobody listens for 'error'.
    const stream = streamSymbol === kUseStdout ? instance._stdout : instance._stderr;
    if (err !== null && stream && !stream._writableState?.errorEmitted) {
      if (typeof stream.listenerCount === 'function' && stream.listenerCount('error') === 0 &&
          typeof stream.once === 'function') {
        stream.once('error', noop);
      }
    }
  };
}

// ---------------------------------------------------------------------------
// The global console: a plain object (prototype {}) carrying bound Console
// methods over the process streams, plus the inspector-only methods.

function createGlobalConsole() {
  const globalConsole = { __proto__: {} };
  for (const prop of Reflect.ownKeys(Console.prototype)) {
    if (prop === 'constructor') continue;
    const desc = Reflect.getOwnPropertyDescriptor(Console.prototype, prop);
    if (typeof desc.value === 'function') {
      desc.value = desc.value.bind(globalConsole);
      Reflect.defineProperty(desc.value, 'name', { value: prop });
    }
    Reflect.defineProperty(globalConsole, prop, desc);
  }
  // The process streams are looked up when first written to.
  globalConsole[kBindStreamsLazy]({
    // The runtime's stand-ins until the program touches process.stdout
    // or process.stderr (see consoleStream in internal/bootstrap).
    get stdout() {
      const stream = runtimeConsoleStream(1);
      return stream !== undefined ? stream : process.stdout;
    },
    get stderr() {
      const stream = runtimeConsoleStream(2);
      return stream !== undefined ? stream : process.stderr;
    },
  });
  globalConsole[kBindProperties](true, 'auto');
  // Methods the inspector provides in Node; without one they do nothing.
  for (const name of ['profile', 'profileEnd', 'timeStamp', 'context']) {
    const fn = { [name]() {} }[name];
    Object.defineProperty(globalConsole, name, { value: fn, writable: true, enumerable: true, configurable: true });
  }
  Object.defineProperty(globalConsole, 'createTask', {
    value: function createTask(name) {
      if (typeof name !== 'string') throw ERR_INVALID_ARG_TYPE('name', 'string', name);
      return { run: (fn) => fn() };
    },
    writable: true,
    enumerable: true,
    configurable: true,
  });
  return globalConsole;
}

// Key order of Node's global console: the prototype methods as Node lists
// them, then Console and the inspector methods.
const methodOrder = ['log', 'warn', 'dir', 'time', 'timeEnd', 'timeLog', 'trace', 'assert', 'clear',
  'count', 'countReset', 'group', 'groupEnd', 'table', 'debug', 'info', 'dirxml', 'error', 'groupCollapsed'];
const ordered = {};
for (const name of methodOrder) ordered[name] = Object.getOwnPropertyDescriptor(Console.prototype, name);
for (const name of methodOrder) delete Console.prototype[name];
for (const name of methodOrder) Object.defineProperty(Console.prototype, name, ordered[name]);

const globalConsole = createGlobalConsole();
// Console sits between the Console methods and the inspector ones.
const inspectorMethods = ['profile', 'profileEnd', 'timeStamp', 'context', 'createTask'];
const saved = inspectorMethods.map((n) => [n, Object.getOwnPropertyDescriptor(globalConsole, n)]);
for (const [n] of saved) delete globalConsole[n];
Object.defineProperty(globalConsole, 'Console', { value: Console, writable: true, enumerable: true, configurable: true });
for (const [n, d] of saved) Object.defineProperty(globalConsole, n, d);

module.exports = globalConsole;
