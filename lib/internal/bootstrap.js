// internal/bootstrap - the first JavaScript nodec runs.  Called with the
// native binding; builds the built-in module loader, `process`, the
// timers, the console and the globals, and returns the hooks the C side
// calls: runMain, runTicks, runRejections, fatal, timerFire,
// immediateBegin, immediateRunOne, signalFire, beforeExit, exit.
'use strict';

const info = binding.info; // Int32Array shared with C, see runtime.h
const INFO_TICKS = 0;
const INFO_REJECTIONS = 1;

// --- built-in modules ------------------------------------------------------

const builtinCache = new Map();

function internalBinding(name) {
  if (name === 'native') return binding;
  throw new Error(`No such binding: ${name}`);
}

function requireBuiltin(name) {
  const cached = builtinCache.get(name);
  if (cached !== undefined) return cached.exports;
  const fn = binding.compileBuiltin(name,
    ['exports', 'require', 'module', 'internalBinding']);
  if (fn === undefined) {
    const err = new Error(`Cannot find module '${name}'`);
    err.code = 'MODULE_NOT_FOUND';
    throw err;
  }
  const module = { exports: {}, id: name, loaded: false };
  builtinCache.set(name, module);
  try {
    fn.call(module.exports, module.exports, requireBuiltin, module,
      internalBinding);
  } catch (e) {
    builtinCache.delete(name);
    throw e;
  }
  module.loaded = true;
  return module.exports;
}

// V8-format error stacks before any user code makes an error.
requireBuiltin('internal/errors/v8stack').install(globalThis);

// --- process ---------------------------------------------------------------

const EventEmitter = requireBuiltin('events');
const pinfo = binding.processInfo();

const process = new EventEmitter();
Object.defineProperty(globalThis, 'process', {
  value: process, writable: true, configurable: true, enumerable: false,
});
Object.defineProperty(process, Symbol.toStringTag, {
  value: 'process', configurable: true, writable: false, enumerable: false,
});

process.version = 'v20.20.2';
process.versions = {
  node: '20.20.2',
  nodec: pinfo.nodecVersion,
  javascriptcore: '2.50',
  uv: '1.44.0',
};
process.arch = pinfo.machine === 'aarch64' ? 'arm64' : 'x64';
process.platform = 'linux';
process.release = { name: 'node', lts: 'Iron' };
process.execPath = pinfo.execPath;
process.argv0 = pinfo.argv[0];
process.argv = [pinfo.execPath, ...pinfo.argv.slice(1)];
process.execArgv = pinfo.execArgv;
process.pid = pinfo.pid;
process.ppid = pinfo.ppid;
process.title = 'nodec';
// process.exitCode: validated like Node's; an integer string is accepted
// (and kept as given), the exit status is its number.
let exitCodeValue;
Object.defineProperty(process, 'exitCode', {
  enumerable: true, configurable: false,
  get() { return exitCodeValue; },
  set(code) {
    if (code !== null && code !== undefined) {
      let value = code;
      if (typeof code === 'string' && code !== '' && Number.isInteger(+code)) {
        value = +code;
      }
      validateInteger(value, 'code');
    }
    exitCodeValue = code;
  },
});
process.config = { variables: {} };
process.features = { inspector: false, debug: false, uv: true, ipv6: true,
  tls_alpn: false, tls_sni: false, tls_ocsp: false, tls: false,
  cached_builtins: true };

process.env = makeEnv();
process.cwd = () => binding.cwd();
process.chdir = function chdir(directory) {
  if (typeof directory !== 'string') throw argType('directory', 'string', directory);
  try {
    binding.chdir(directory);
  } catch (err) {
    // Node names both directories: "chdir '<cwd>' -> '<directory>'".
    if (typeof err.code === 'string' && err.syscall === 'chdir') {
      const cwd = binding.cwd();
      err.message = err.message.replace(/, chdir .*$/s,
        `, chdir '${cwd}' -> '${directory}'`);
      err.path = cwd;
      err.dest = directory;
    }
    throw err;
  }
};
process.umask = function umask(mask) {
  if (mask !== undefined) {
    if (typeof mask === 'string') {
      if (!/^[0-7]+$/.test(mask)) {
        const { codes } = requireBuiltin('internal/errors');
        throw new codes.ERR_INVALID_ARG_VALUE('mask', mask,
          'must be a 32-bit unsigned integer or an octal string');
      }
      mask = parseInt(mask, 8);
    }
    validateInteger(mask, 'mask', 0, 4294967295);
  }
  return binding.umask(mask);
};
process.uptime = () => (binding.hrtime() - startNs) / 1e9;
const startNs = binding.hrtime();

function hrtime(prev) {
  const [s, ns] = binding.hrtimeParts();
  if (prev === undefined) return [s, ns];
  if (!Array.isArray(prev)) throw argType('time', 'Array', prev);
  if (prev.length !== 2) {
    const { codes } = requireBuiltin('internal/errors');
    throw new codes.ERR_OUT_OF_RANGE('time', 2, prev.length);
  }
  let ds = s - prev[0];
  let dns = ns - prev[1];
  if (dns < 0) { ds -= 1; dns += 1e9; }
  return [ds, dns];
}
hrtime.bigint = () => {
  const [s, ns] = binding.hrtimeParts();
  return BigInt(s) * 1000000000n + BigInt(ns);
};
process.hrtime = hrtime;

process.memoryUsage = function memoryUsage() {
  const [, , , rss] = binding.resourceUsage();
  return { rss, heapTotal: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
};
process.memoryUsage.rss = () => binding.resourceUsage()[3];
process.cpuUsage = function cpuUsage(prev) {
  if (prev) {
    checkCpuUsage(prev, 'user');
    checkCpuUsage(prev, 'system');
  }
  const [user, system] = binding.resourceUsage();
  if (prev) return { user: user - prev.user, system: system - prev.system };
  return { user, system };
};
process.resourceUsage = function resourceUsage() {
  const [user, system, maxRSS] = binding.resourceUsage();
  return { userCPUTime: user, systemCPUTime: system, maxRSS,
    sharedMemorySize: 0, unsharedDataSize: 0, unsharedStackSize: 0,
    minorPageFault: 0, majorPageFault: 0, swappedOut: 0, fsRead: 0,
    fsWrite: 0, ipcSent: 0, ipcReceived: 0, signalsCount: 0,
    voluntaryContextSwitches: 0, involuntaryContextSwitches: 0 };
};

function checkCpuUsage(prev, field) {
  const v = prev[field];
  if (typeof v === 'number' && v >= 0 && v <= Number.MAX_SAFE_INTEGER) return;
  const { codes } = requireBuiltin('internal/errors');
  if (field === 'user' && (prev === null || typeof prev !== 'object')) {
    throw new codes.ERR_INVALID_ARG_TYPE('prevValue', 'object', prev);
  }
  if (typeof v !== 'number') {
    throw new codes.ERR_INVALID_ARG_TYPE(`prevValue.${field}`, 'number', v);
  }
  throw new codes.ERR_INVALID_ARG_VALUE.RangeError(`prevValue.${field}`, v);
}

// Loaded on first use: most programs never touch a signal.
let signalsModule;
const signals = {
  get m() {
    return (signalsModule ||= requireBuiltin('internal/signals'));
  },
  isSignal: (name) => name.startsWith('SIG') && signals.m.isSignal(name),
  toNumber: (name) => signals.m.toNumber(name),
  toName: (num) => signals.m.toName(num),
};
process.kill = function kill(pid, sig = 'SIGTERM') {
  if (pid != (pid | 0)) throw argType('pid', 'number', pid);
  const signum = typeof sig === 'number' ? sig : signals.toNumber(sig);
  try {
    binding.kill(pid, signum);
  } catch (err) {
    // Node's ErrnoException: "kill ESRCH", not the uv-style message.
    if (typeof err.code === 'string') err.message = `kill ${err.code}`;
    throw err;
  }
  return true;
};

// Signal events: a native handle while the signal has listeners.
process.on('newListener', (event) => {
  if (typeof event === 'string' && signals.isSignal(event) &&
      process.listenerCount(event) === 0)
    binding.signalWatch(signals.toNumber(event), true);
});
process.on('removeListener', (event) => {
  if (typeof event === 'string' && signals.isSignal(event) &&
      process.listenerCount(event) === 0)
    binding.signalWatch(signals.toNumber(event), false);
});

function makeEnv() {
  const values = binding.environ();
  // Like Node's, the object inherits from Object.prototype; variables are
  // own data properties (defined, so that a variable named __proto__ is
  // just a variable).
  const store = {};
  const put = (key, v) => Object.defineProperty(store, key,
    { value: v, writable: true, enumerable: true, configurable: true });
  for (let i = 0; i < values.length; i += 2) put(values[i], values[i + 1]);
  return new Proxy(store, {
    set(target, key, value) {
      if (typeof key === 'symbol' || typeof value === 'symbol') {
        throw new TypeError('Cannot convert a Symbol value to a string');
      }
      const v = String(value);
      // setenv(3) refuses an empty name or one with '=': Node ignores it.
      if (key === '' || key.includes('=')) return true;
      put(key, v);
      binding.setenv(key, v);
      return true;
    },
    deleteProperty(target, key) {
      if (typeof key === 'string') {
        delete target[key];
        binding.unsetenv(key);
      }
      return true;
    },
    defineProperty(target, key, desc) {
      if (!('value' in desc)) {
        throw new TypeError(
          "'process.env' does not accept an accessor(getter/setter) descriptor");
      }
      const v = String(desc.value);
      if (key === '' || key.includes('=')) return true;
      put(key, v);
      binding.setenv(key, v);
      return true;
    },
  });
}

// Node's validateInteger.
function validateInteger(value, name, min = Number.MIN_SAFE_INTEGER,
  max = Number.MAX_SAFE_INTEGER) {
  if (typeof value !== 'number') throw argType(name, 'number', value);
  if (!Number.isInteger(value)) {
    const { codes } = requireBuiltin('internal/errors');
    throw new codes.ERR_OUT_OF_RANGE(name, 'an integer', value);
  }
  if (value < min || value > max) {
    const { codes } = requireBuiltin('internal/errors');
    throw new codes.ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
  }
}

function argType(name, type, value) {
  const { codes } = requireBuiltin('internal/errors');
  return new codes.ERR_INVALID_ARG_TYPE(name, type, value);
}

// --- exiting ---------------------------------------------------------------

let exiting = false;

function exitCodeOf(code) {
  if (code === undefined || code === null) return 0;
  return code | 0;
}

process.reallyExit = (code) => binding.reallyExit(code);
process.exit = function exit(code) {
  // As in Node: an explicit argument (even undefined) replaces exitCode,
  // and 'exit' gets exitCode as it is (a string stays a string).
  if (arguments.length !== 0) process.exitCode = code;
  if (!exiting) {
    exiting = true;
    process._exiting = true;
    process.emit('exit', process.exitCode || 0);
  }
  binding.reallyExit(exitCodeOf(process.exitCode));
};
process.abort = () => binding.reallyExit(134);

// --- process.nextTick ------------------------------------------------------

const tickQueue = [];
let tickHead = 0;

process.nextTick = function nextTick(callback, ...args) {
  if (typeof callback !== 'function') throw argType('callback', 'function', callback);
  if (exiting) return;
  tickQueue.push(args.length === 0 ? callback : () => callback(...args));
  info[INFO_TICKS] = tickQueue.length - tickHead;
};

function runTicks() {
  // Every tick queued, including those queued by ticks; an exception goes
  // to the fatal path, and the rest wait for the next drain.
  while (tickHead < tickQueue.length) {
    const cb = tickQueue[tickHead];
    tickQueue[tickHead++] = undefined;
    info[INFO_TICKS] = tickQueue.length - tickHead;
    try {
      cb();
    } catch (err) {
      fatal(err);
    }
  }
  tickQueue.length = 0;
  tickHead = 0;
  info[INFO_TICKS] = 0;
}

globalThis.queueMicrotask = function queueMicrotask(callback) {
  if (typeof callback !== 'function') throw argType('callback', 'function', callback);
  Promise.resolve().then(() => {
    try {
      callback();
    } catch (err) {
      fatal(err);
    }
  });
};

// --- promise rejections ----------------------------------------------------

const pendingRejections = [];

// Rejections reported unhandled (and survived) -> their rejection id, and
// those that got a handler since: 'rejectionHandled' (or Node's warning)
// is emitted for them after the next microtask drain.  JSC tells us only
// about unhandled rejections, so a handler added later is seen through
// Promise.prototype.then, which catch() and finally() call too; the
// wrapper is installed on the first reported rejection only.
const reportedRejections = new WeakMap();
const lateHandled = [];
let lastRejectionId = 0;
let nativeThen = null;

function updateRejectionInfo() {
  info[INFO_REJECTIONS] = pendingRejections.length + lateHandled.length;
}

function watchLateHandlers() {
  if (nativeThen !== null) return;
  nativeThen = Promise.prototype.then;
  const then = {
    then(onFulfilled, onRejected) {
      const id = reportedRejections.get(this);
      if (id !== undefined) {
        reportedRejections.delete(this);
        lateHandled.push({ promise: this, id });
        updateRejectionInfo();
      }
      return nativeThen.call(this, onFulfilled, onRejected);
    },
  }.then;
  Object.defineProperty(Promise.prototype, 'then', {
    value: then, writable: true, enumerable: false, configurable: true,
  });
}

function onUnhandledRejection(promise, reason) {
  pendingRejections.push({ promise, reason, id: ++lastRejectionId });
  updateRejectionInfo();
}

function runRejections() {
  while (lateHandled.length > 0) {
    const { promise, id } = lateHandled.shift();
    updateRejectionInfo();
    if (!process.emit('rejectionHandled', promise)) {
      const w = new Error(`Promise rejection was handled asynchronously (rejection id: ${id})`);
      w.name = 'PromiseRejectionHandledWarning';
      w.id = id;
      process.emitWarning(w);
    }
  }
  while (pendingRejections.length > 0) {
    const { promise, reason, id } = pendingRejections.shift();
    updateRejectionInfo();
    requireBuiltin('internal/errors/messages').translate(reason);
    if (rejectionMode() === 'strict') {
      // Raised as an uncaught exception first; if a handler survives it,
      // 'unhandledRejection' is still emitted (Node's strict mode).
      fatal(reason instanceof Error ? reason : unhandledRejectionError(reason),
        'unhandledRejection');
      process.emit('unhandledRejection', reason, promise);
      watchLateHandlers();
      reportedRejections.set(promise, id);
      continue;
    }
    if (process.emit('unhandledRejection', reason, promise)) {
      watchLateHandlers();
      reportedRejections.set(promise, id);
      continue;
    }
    const mode = rejectionMode();
    if (mode === 'none' || mode === 'warn-with-error-code' || mode === 'warn') {
      if (mode === 'warn-with-error-code') process.exitCode = 1;
      watchLateHandlers();
      reportedRejections.set(promise, id);
      continue;
    }
    fatal(reason instanceof Error ? reason : unhandledRejectionError(reason),
      'unhandledRejection');
  }
  updateRejectionInfo();
}

function unhandledRejectionError(reason) {
  const { inspect } = requireBuiltin('util');
  const err = new Error('This error originated either by throwing ' +
    'inside of an async function without a catch block, or by ' +
    'rejecting a promise which was not handled with .catch(). The ' +
    `promise rejected with the reason "${inspect(reason)}".`);
  err.name = 'UnhandledPromiseRejection';
  err.code = 'ERR_UNHANDLED_REJECTION';
  return err;
}

function rejectionMode() {
  for (const a of process.execArgv) {
    if (a.startsWith('--unhandled-rejections=')) return a.slice(23);
  }
  return 'throw';
}

// --- uncaught exceptions ---------------------------------------------------

function fatal(err, origin = 'uncaughtException') {
  requireBuiltin('internal/errors/messages').translate(err);
  if (!exiting) process.emit('uncaughtExceptionMonitor', err, origin);
  if (process.listenerCount('uncaughtException') > 0 && !exiting) {
    process.emit('uncaughtException', err, origin);
    return true;
  }
  binding.writeSync(2, requireBuiltin('internal/errors/stack')
    .formatUncaught(err, process.version));
  process.exitCode = 1;
  if (!exiting) {
    exiting = true;
    process._exiting = true;
    try {
      process.emit('exit', 1);
    } catch (e) {
      binding.reallyExit(7);
    }
  }
  binding.reallyExit(1);
  return false;
}

// --- timers and immediates -------------------------------------------------

// The timer globals are plain data properties holding the very functions
// node:timers exports, as in Node.  Their implementation (internal/timers)
// loads on the first call, so a program that never uses a timer pays
// nothing.  Parameter lists are Node's, for Function#length.
let timersImpl;
function timersLib() {
  if (timersImpl === undefined) timersImpl = requireBuiltin('internal/timers');
  return timersImpl;
}
function timerArgs(args, from) {
  return args.length > from ? Array.prototype.slice.call(args, from) : undefined;
}
const timerGlobals = {
  setTimeout: function setTimeout(callback, after, arg1, arg2, arg3) {
    const t = timersLib();
    t.validateCallback(callback);
    return new t.Timeout(callback, after, timerArgs(arguments, 2), false, true);
  },
  clearTimeout: function clearTimeout(timer) {
    if (timer == null) return;
    timersLib().clearTimeout(timer);
  },
  setInterval: function setInterval(callback, repeat, arg1, arg2, arg3) {
    const t = timersLib();
    t.validateCallback(callback);
    return new t.Timeout(callback, repeat, timerArgs(arguments, 2), true, true);
  },
  clearInterval: function clearInterval(timer) {
    if (timer == null) return;
    timersLib().clearTimeout(timer);
  },
  setImmediate: function setImmediate(callback, arg1, arg2, arg3) {
    const t = timersLib();
    t.validateCallback(callback);
    return new t.Immediate(callback, timerArgs(arguments, 1));
  },
  clearImmediate: function clearImmediate(immediate) {
    if (immediate == null) return;
    timersLib().clearImmediate(immediate);
  },
};
// util.promisify(setTimeout) and (setImmediate) are timers/promises'.
for (const name of ['setTimeout', 'setImmediate']) {
  Object.defineProperty(timerGlobals[name], Symbol.for('nodejs.util.promisify.custom'), {
    enumerable: true, configurable: true,
    get() { return requireBuiltin('timers/promises')[name]; },
  });
}
builtinCache.set('internal/timer_globals',
  { exports: timerGlobals, id: 'internal/timer_globals', loaded: true });
for (const name of Object.keys(timerGlobals)) {
  Object.defineProperty(globalThis, name, {
    value: timerGlobals[name], writable: true, configurable: true, enumerable: true,
  });
}
const timersHook = (name) => (...args) =>
  requireBuiltin('internal/timers')[name](...args);

// --- stdio, console and the other globals ----------------------------------

const stdioTouched = [false, false, false];
Object.defineProperty(process, 'stdout', {
  configurable: true, enumerable: false,
  get: () => {
    stdioTouched[1] = true;
    return requireBuiltin('internal/stdio').stdout();
  },
});
Object.defineProperty(process, 'stderr', {
  configurable: true, enumerable: false,
  get: () => {
    stdioTouched[2] = true;
    return requireBuiltin('internal/stdio').stderr();
  },
});

// What the global console writes to (lib/console.js): process.stdout and
// process.stderr are node:stream streams, whose modules cost a hello world
// more than the rest of its start-up.  Until the program touches them, a
// console on a file or pipe writes synchronously through this stand-in,
// as the real stream would (it writes synchronously too); once they are
// touched, or on a terminal (colours, sizes), or when a write fails, the
// real stream takes over.
const consoleStdio = [];
binding.consoleStream = function consoleStream(fd) {
  const real = () => (fd === 1 ? process.stdout : process.stderr);
  if (stdioTouched[fd] || binding.guessHandleType(fd) === 'TTY') return real();
  return consoleStdio[fd] ||= {
    write(chunk, cb) {
      if (!stdioTouched[fd] && typeof chunk === 'string' &&
          binding.writeStdio(fd, chunk) >= 0) {
        if (typeof cb === 'function') process.nextTick(cb, null);
        return true;
      }
      return real().write(chunk, cb);
    },
  };
};
Object.defineProperty(process, 'stdin', {
  configurable: true, enumerable: false,
  get: () => requireBuiltin('internal/stdio').stdin(),
});

process.emitWarning = function emitWarning(warning, type, code, ctor) {
  requireBuiltin('internal/warnings').emitWarning(warning, type, code, ctor);
};

let consoleObject;
Object.defineProperty(globalThis, 'console', {
  configurable: true, enumerable: false,
  get() {
    if (consoleObject === undefined) consoleObject = requireBuiltin('console');
    return consoleObject;
  },
  set(v) {
    consoleObject = v;
  },
});
// URL and URLSearchParams load internal/url on first touch, then are
// plain writable, non-enumerable properties, as in Node.
for (const name of ['URL', 'URLSearchParams']) {
  Object.defineProperty(globalThis, name, {
    configurable: true,
    enumerable: false,
    get() {
      const value = requireBuiltin('internal/url')[name];
      Object.defineProperty(globalThis, name, {
        value, writable: true, configurable: true, enumerable: false,
      });
      return value;
    },
    set(value) {
      Object.defineProperty(globalThis, name, {
        value, writable: true, configurable: true, enumerable: false,
      });
    },
  });
}
// Node 20 polyfills the explicit resource management symbols (the
// disposables of events.addAbortListener, timers, ...) where the engine
// lacks them, as registered symbols.
for (const [name, key] of [['dispose', 'nodejs.dispose'],
  ['asyncDispose', 'nodejs.asyncDispose']]) {
  if (Symbol[name] === undefined) {
    Object.defineProperty(Symbol, name, {
      value: Symbol.for(key), writable: false, enumerable: false, configurable: false,
    });
  }
}

// The web platform globals, each loaded on first touch.  Like Node's,
// most are accessors that turn into plain writable data properties once
// read or assigned; `performance` stays an accessor.
function lazyGlobal(name, load, enumerable = false) {
  Object.defineProperty(globalThis, name, {
    configurable: true,
    enumerable,
    get: { [`get ${name}`]() {
      const value = load();
      Object.defineProperty(globalThis, name, {
        value, writable: true, configurable: true, enumerable,
      });
      return value;
    } }[`get ${name}`],
    set: { [`set ${name}`](value) {
      Object.defineProperty(globalThis, name, {
        value, writable: true, configurable: true, enumerable,
      });
    } }[`set ${name}`],
  });
}
const web = (id, key) => () => {
  const m = requireBuiltin(`internal/web/${id}`);
  return key === undefined ? m : m[key];
};
lazyGlobal('DOMException', web('domexception'));
// Node's DOMException accessor is made differently; its getter has no name.
Object.defineProperty(Object.getOwnPropertyDescriptor(globalThis, 'DOMException').get,
  'name', { value: '' });
// Data properties in Node; here accessors until first touched.
lazyGlobal('EventTarget', web('event_target', 'EventTarget'));
lazyGlobal('Event', web('event_target', 'Event'));
lazyGlobal('CustomEvent', web('event_target', 'CustomEvent'));
lazyGlobal('AbortController', web('abort_controller', 'AbortController'));
lazyGlobal('AbortSignal', web('abort_controller', 'AbortSignal'));
// Buffer and the web encoding globals (lazy accessors in Node too).
lazyGlobal('Buffer', () => requireBuiltin('buffer').Buffer);
lazyGlobal('atob', () => requireBuiltin('buffer').atob, true);
lazyGlobal('btoa', () => requireBuiltin('buffer').btoa, true);
lazyGlobal('Blob', () => requireBuiltin('buffer').Blob);
lazyGlobal('File', () => requireBuiltin('buffer').File);
lazyGlobal('TextEncoder', () => requireBuiltin('internal/encoding').TextEncoder);
lazyGlobal('TextDecoder', () => requireBuiltin('internal/encoding').TextDecoder);
for (const name of ['Performance', 'PerformanceEntry', 'PerformanceMark',
  'PerformanceMeasure', 'PerformanceObserver', 'PerformanceObserverEntryList']) {
  lazyGlobal(name, web('performance', name));
}
let performanceObject;
Object.defineProperty(globalThis, 'performance', {
  configurable: true,
  enumerable: true,
  get: function get() {
    if (performanceObject === undefined) {
      performanceObject = requireBuiltin('internal/web/performance').performance();
    }
    return performanceObject;
  },
  set: function set(value) {
    performanceObject = value;
  },
});
Object.defineProperty(Object.getOwnPropertyDescriptor(globalThis, 'performance').get,
  'name', { value: 'get performance' });
Object.defineProperty(Object.getOwnPropertyDescriptor(globalThis, 'performance').set,
  'name', { value: 'set performance' });
// A plain function, as in Node; the algorithm loads on the first call.
globalThis.structuredClone = function structuredClone(...args) {
  return requireBuiltin('internal/web/structured_clone').structuredClone(...args);
};
Object.defineProperty(globalThis, 'global', {
  value: globalThis, writable: true, configurable: true, enumerable: true,
});

// --- the program -----------------------------------------------------------

function runMain(kind, value, preloads) {
  const cjs = requireBuiltin('internal/modules/cjs');
  cjs.init(requireBuiltin, binding);
  for (const id of preloads) cjs.preload(id);
  if (kind === 'file') {
    cjs.runMain(value);
  } else {
    const source = kind === 'stdin' ? binding.readStdin() : value;
    const result = cjs.runEval(source, kind === 'stdin' ? '[stdin]' : '[eval]');
    if (kind === 'print') {
      console.log(result);
    }
  }
}

function beforeExit() {
  if (!exiting) process.emit('beforeExit', exitCodeOf(process.exitCode));
}

// The natural end, in two calls from C: 'exit' first (C then drains the
// promise jobs its listeners queued, as Node's end does; ticks are
// refused once exiting), then the process ends with exitCode.
function exit(phase) {
  if (phase === 1) {
    binding.reallyExit(exitCodeOf(process.exitCode));
    return;
  }
  if (!exiting) {
    exiting = true;
    process._exiting = true;
    process.emit('exit', exitCodeOf(process.exitCode));
  }
}

function signalFire(signum) {
  process.emit(signals.toName(signum), signals.toName(signum), signum);
}

return {
  runMain,
  runTicks,
  runRejections,
  onUnhandledRejection,
  fatal,
  timerFire: timersHook('timerFire'),
  immediateBegin: timersHook('immediateBegin'),
  immediateRunOne: timersHook('immediateRunOne'),
  signalFire,
  beforeExit,
  exit,
};
