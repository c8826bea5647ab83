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
  const source = binding.builtinSource(name);
  if (source === undefined) {
    const err = new Error(`Cannot find module '${name}'`);
    err.code = 'MODULE_NOT_FOUND';
    throw err;
  }
  const module = { exports: {}, id: name, loaded: false };
  builtinCache.set(name, module);
  const fn = binding.compileFunction(source, `node:${name}`,
    ['exports', 'require', 'module', 'internalBinding']);
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
process.exitCode = undefined;
process.config = { variables: {} };
process.features = { inspector: false, debug: false, uv: true, ipv6: true,
  tls_alpn: false, tls_sni: false, tls_ocsp: false, tls: false,
  cached_builtins: true };

process.env = makeEnv();
process.cwd = () => binding.cwd();
process.chdir = (dir) => {
  if (typeof dir !== 'string') throw argType('directory', 'string', dir);
  binding.chdir(dir);
};
process.umask = (mask) => binding.umask(mask === undefined ? undefined :
  typeof mask === 'string' ? parseInt(mask, 8) : mask);
process.uptime = () => (binding.hrtime() - startNs) / 1e9;
const startNs = binding.hrtime();

function hrtime(prev) {
  const [s, ns] = binding.hrtimeParts();
  if (prev === undefined) return [s, ns];
  if (!Array.isArray(prev)) throw argType('time', 'an instance of Array', prev);
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
  binding.kill(pid, signum);
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
  const store = Object.create(null);
  for (let i = 0; i < values.length; i += 2) store[values[i]] = values[i + 1];
  return new Proxy(store, {
    set(target, key, value) {
      if (typeof key === 'symbol') {
        throw new TypeError('Cannot convert a Symbol value to a string');
      }
      const v = String(value);
      target[key] = v;
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
      target[key] = v;
      binding.setenv(key, v);
      return true;
    },
  });
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
  if (code !== undefined) process.exitCode = code;
  if (!exiting) {
    exiting = true;
    process._exiting = true;
    process.emit('exit', exitCodeOf(process.exitCode));
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

function onUnhandledRejection(promise, reason) {
  pendingRejections.push({ promise, reason });
  info[INFO_REJECTIONS] = pendingRejections.length;
}

function runRejections() {
  while (pendingRejections.length > 0) {
    const { promise, reason } = pendingRejections.shift();
    info[INFO_REJECTIONS] = pendingRejections.length;
    if (process.emit('unhandledRejection', reason, promise)) continue;
    const mode = rejectionMode();
    if (mode === 'none' || mode === 'warn-with-error-code' || mode === 'warn') {
      if (mode === 'warn-with-error-code') process.exitCode = 1;
      continue;
    }
    if (reason instanceof Error) {
      fatal(reason, 'unhandledRejection');
    } else {
      const { inspect } = requireBuiltin('util');
      const err = new Error('This error originated either by throwing ' +
        'inside of an async function without a catch block, or by ' +
        'rejecting a promise which was not handled with .catch(). The ' +
        `promise rejected with the reason "${inspect(reason)}".`);
      err.name = 'UnhandledPromiseRejection';
      err.code = 'ERR_UNHANDLED_REJECTION';
      fatal(err, 'unhandledRejection');
    }
  }
  info[INFO_REJECTIONS] = 0;
}

function rejectionMode() {
  for (const a of process.execArgv) {
    if (a.startsWith('--unhandled-rejections=')) return a.slice(23);
  }
  return 'throw';
}

// --- uncaught exceptions ---------------------------------------------------

function fatal(err, origin = 'uncaughtException') {
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

// The timer globals load node:timers on first touch, then are plain
// writable properties, as in Node.
for (const name of ['setTimeout', 'clearTimeout', 'setInterval',
  'clearInterval', 'setImmediate', 'clearImmediate']) {
  Object.defineProperty(globalThis, name, {
    configurable: true,
    enumerable: true,
    get() {
      const value = requireBuiltin('timers')[name];
      Object.defineProperty(globalThis, name, {
        value, writable: true, configurable: true, enumerable: true,
      });
      return value;
    },
    set(value) {
      Object.defineProperty(globalThis, name, {
        value, writable: true, configurable: true, enumerable: true,
      });
    },
  });
}
const timersHook = (name) => (...args) =>
  requireBuiltin('internal/timers')[name](...args);

// --- stdio, console and the other globals ----------------------------------

Object.defineProperty(process, 'stdout', {
  configurable: true, enumerable: false,
  get: () => requireBuiltin('internal/stdio').stdout(),
});
Object.defineProperty(process, 'stderr', {
  configurable: true, enumerable: false,
  get: () => requireBuiltin('internal/stdio').stderr(),
});
Object.defineProperty(process, 'stdin', {
  configurable: true, enumerable: false,
  get: () => requireBuiltin('internal/stdio').stdin(),
});

process.emitWarning = function emitWarning(warning, type, code) {
  requireBuiltin('internal/warnings').emitWarning(warning, type, code);
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
// Buffer and the web encoding globals: accessors that load their module on
// first touch and then become plain data properties (as in Node, where
// they are lazy accessors too); a program that never uses them pays
// nothing.
function lazyGlobal(name, load, enumerable) {
  Object.defineProperty(globalThis, name, {
    configurable: true,
    enumerable,
    get() {
      const value = load();
      Object.defineProperty(globalThis, name, {
        value, writable: true, configurable: true, enumerable,
      });
      return value;
    },
    set(value) {
      Object.defineProperty(globalThis, name, {
        value, writable: true, configurable: true, enumerable,
      });
    },
  });
}
lazyGlobal('Buffer', () => requireBuiltin('buffer').Buffer, false);
lazyGlobal('atob', () => requireBuiltin('buffer').atob, true);
lazyGlobal('btoa', () => requireBuiltin('buffer').btoa, true);
lazyGlobal('Blob', () => requireBuiltin('buffer').Blob, false);
lazyGlobal('File', () => requireBuiltin('buffer').File, false);
lazyGlobal('TextEncoder', () => requireBuiltin('internal/encoding').TextEncoder, false);
lazyGlobal('TextDecoder', () => requireBuiltin('internal/encoding').TextDecoder, false);

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

function exit() {
  process.exit();
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
