'use strict';
// The rest of node:util against Node's.
const util = require('node:util');

module.exports = async ({ check, ours }) => {
  const our = ours('util');
  const pick = (w) => (w === 'ours' ? our : util);

  // --- module shape
  const expectedKeys = ['_extend', 'callbackify', 'debug', 'debuglog', 'deprecate', 'format', 'formatWithOptions',
    'inherits', 'inspect', 'isArray', 'isBoolean', 'isBuffer', 'isDeepStrictEqual', 'isNull', 'isNullOrUndefined',
    'isNumber', 'isString', 'isSymbol', 'isUndefined', 'isRegExp', 'isObject', 'isDate', 'isError', 'isFunction',
    'isPrimitive', 'log', 'promisify', 'stripVTControlCharacters', 'styleText', 'toUSVString', 'types', 'parseArgs',
    'aborted', 'parseEnv', 'transferableAbortSignal', 'transferableAbortController'];
  check('transferableAbortSignal(5)', (w) => pick(w).transferableAbortSignal(5));
  check('transferableAbortSignal(signal)', (w) => {
    const c = new AbortController();
    const t = pick(w).transferableAbortSignal(c.signal);
    c.abort();
    const pre = pick(w).transferableAbortSignal(AbortSignal.abort('why'));
    return [t === c.signal, t instanceof AbortSignal, t.aborted, pre.aborted, pre.reason].join();
  });
  check('transferableAbortController', (w) => { const c = pick(w).transferableAbortController(); return [c instanceof AbortController, c.signal.aborted].join(); });
  for (const k of expectedKeys) check(`typeof util.${k}`, (w) => typeof pick(w)[k]);
  check('types keys', (w) => Object.keys(pick(w).types).sort().filter((k) => !['isExternal', 'isKeyObject', 'isCryptoKey', 'isProxy'].includes(k)).join());

  // --- types.*
  const samples = {
    date: new Date(), re: /x/, fakeRe: Object.create(RegExp.prototype), reProto: RegExp.prototype, map: new Map(), set: new Set(),
    weakMap: new WeakMap(), weakSet: new WeakSet(), promise: Promise.resolve(), thenable: { then() {} },
    u8: new Uint8Array(1), u8c: new Uint8ClampedArray(1), i16: new Int16Array(1), f32: new Float32Array(1), f64: new Float64Array(1),
    b64: new BigInt64Array(1), ub64: new BigUint64Array(1), u16: new Uint16Array(1), u32: new Uint32Array(1), i8: new Int8Array(1), i32: new Int32Array(1),
    ab: new ArrayBuffer(1), sab: new SharedArrayBuffer(1), dv: new DataView(new ArrayBuffer(1)),
    asyncFn: async () => {}, genFn: function* () {}, asyncGenFn: async function* () {}, fn() {},
    err: new Error(), typeErr: new TypeError(), fakeErr: Object.create(Error.prototype), domLike: { name: 'Error', message: 'x' },
    num: new Number(1), str: new String(''), bool: new Boolean(true), big: Object(1n), sym: Object(Symbol()),
    prim: 1, nul: null, undef: undefined, args: (function () { return arguments; })(), gen: (function* () {})(),
    mapIter: new Map().keys(), setIter: new Set().values(), obj: {}, arr: [], fakeDate: Object.create(Date.prototype),
    taggedDate: { [Symbol.toStringTag]: 'Date' }, nullProto: Object.create(null),
  };
  const typeFns = Object.keys(util.types).filter((k) => !['isExternal', 'isKeyObject', 'isCryptoKey', 'isProxy', 'isModuleNamespaceObject'].includes(k));
  for (const fn of typeFns) {
    for (const [name, v] of Object.entries(samples)) {
      check(`types.${fn}(${name})`, (w) => pick(w).types[fn](v));
    }
  }
  for (const fn of ['isArray', 'isBoolean', 'isNull', 'isNullOrUndefined', 'isNumber', 'isString', 'isSymbol', 'isUndefined', 'isRegExp', 'isObject', 'isDate', 'isError', 'isFunction', 'isPrimitive']) {
    for (const [name, v] of Object.entries(samples)) check(`util.${fn}(${name})`, (w) => pick(w)[fn](v));
  }

  // --- isDeepStrictEqual
  const circA = { a: 1 }; circA.self = circA;
  const circB = { a: 1 }; circB.self = circB;
  const sym = Symbol('k');
  const pairs = [
    [1, 1], [1, '1'], [0, -0], [NaN, NaN], [{}, {}], [{ a: 1 }, { a: 1 }], [{ a: 1 }, { a: 2 }], [{ a: 1 }, { b: 1 }],
    [[1, 2], [1, 2]], [[1, 2], [2, 1]], [[1, , 3], [1, undefined, 3]], [new Date(0), new Date(0)], [new Date(0), new Date(1)], // eslint-disable-line no-sparse-arrays
    [/a/g, /a/g], [/a/g, /a/i], [new Map([[1, { a: 1 }]]), new Map([[1, { a: 1 }]])], [new Map([[1, 2]]), new Map([[1, 3]])],
    [new Set([1, { a: 1 }]), new Set([{ a: 1 }, 1])], [new Set([1]), new Set(['1'])], [new Set([[1]]), new Set([[2]])],
    [circA, circB], [new Error('a'), new Error('a')], [new Error('a'), new TypeError('a')], [new Number(1), new Number(1)],
    [new Number(1), new Number(2)], [new String('a'), 'a'], [new Uint8Array([1, 2]), new Uint8Array([1, 2])],
    [new Uint8Array([1, 2]), new Int8Array([1, 2])], [new Float64Array([0]), new Float64Array([-0])], [Object.create(null), {}],
    [{ [sym]: 1 }, { [sym]: 1 }], [{ [sym]: 1 }, {}], [[1, 2, 3], { 0: 1, 1: 2, 2: 3, length: 3 }], [new ArrayBuffer(2), new ArrayBuffer(2)],
    [new Map([[{ k: 1 }, 'v']]), new Map([[{ k: 1 }, 'v']])], [new Map([[{ k: 1 }, 'v']]), new Map([[{ k: 2 }, 'v']])],
    [{ a: undefined }, {}], [[undefined], []], [null, undefined], [1n, 1n], [Symbol.iterator, Symbol.iterator],
  ];
  pairs.forEach(([a, b], i) => check(`isDeepStrictEqual #${i}`, (w) => pick(w).isDeepStrictEqual(a, b)));

  // --- inherits
  check('inherits', (w) => {
    function A() {} A.prototype.hi = function () { return 'hi'; };
    function B() {}
    pick(w).inherits(B, A);
    return [B.super_ === A, new B().hi(), Object.keys(B), Object.getPrototypeOf(B.prototype) === A.prototype].join();
  });
  for (const [a, b] of [[5, 5], [function () {}, 5], [function () {}, {}], [null, function () {}], [function () {}, null], [function () {}, () => {}]]) {
    check(`inherits(${typeof a}, ${typeof b})`, (w) => pick(w).inherits(a, b));
  }

  // --- promisify / callbackify
  check('promisify(5)', (w) => pick(w).promisify(5));
  check('promisify custom', (w) => {
    const f = () => {}; const c = () => 'custom'; f[util.promisify.custom] = c;
    return pick(w).promisify(f) === c && pick(w).promisify.custom === Symbol.for('nodejs.util.promisify.custom');
  });
  check('promisify custom not fn', (w) => { const f = () => {}; f[util.promisify.custom] = 5; return pick(w).promisify(f); });
  check('promisify idempotent', (w) => { const p = pick(w).promisify(function f(cb) { cb(); }); return pick(w).promisify(p) === p; });
  check('callbackify(5)', (w) => pick(w).callbackify(5));
  check('callbackify name/length', (w) => { const f = pick(w).callbackify(async function named(a, b) {}); return `${f.name} ${f.length}`; });
  check('callbackify no cb', (w) => pick(w).callbackify(async () => 1)(1, 2));

  const traces = {};
  for (const w of ['ours', 'node']) {
    const u = pick(w);
    const log = [];
    const sleep = (ms, v, cb) => setTimeout(() => cb(null, v), ms);
    await u.promisify(sleep)(1, 'slept').then((v) => log.push(v));
    await u.promisify((cb) => cb(new Error('fail'))).call(null).catch((e) => log.push(e.message));
    await u.promisify(function (cb) { cb(null, this.x); }).call({ x: 'this kept' }).then((v) => log.push(v));
    await u.promisify((cb) => cb(null, 1, 2, 3))().then((v) => log.push(v));
    await new Promise((res) => u.callbackify(async (x) => x * 2)(21, (e, v) => { log.push([e, v]); res(); }));
    await new Promise((res) => u.callbackify(async () => { throw new Error('cbfail'); })((e) => { log.push(e.message); res(); }));
    await new Promise((res) => u.callbackify(() => Promise.reject(null))((e) => { log.push([e.message, e.code, e.reason, Object.keys(e)]); res(); }));
    await new Promise((res) => u.callbackify(() => Promise.reject(0))((e) => { log.push([e.message, e.reason]); res(); }));
    traces[w] = log;
  }
  check('promisify/callbackify trace', (w) => traces[w]);

  // --- deprecate: capture what would be emitted
  const warnTraces = {};
  const realEmit = process.emitWarning;
  for (const w of ['ours', 'node']) {
    const log = [];
    process.emitWarning = (msg, type, code) => log.push([msg, type, code]);
    try {
      const u = pick(w);
      const suffix = w === 'ours' ? 'A' : 'B'; // process-wide code sets must not collide
      const f1 = u.deprecate((x) => x + 1, 'f1 is deprecated', `DEP_T1${suffix}`);
      const f2 = u.deprecate(() => 2, 'f2 shares the code', `DEP_T1${suffix}`);
      const f3 = u.deprecate(function () { return this; }, 'f3 no code');
      log.push(f1(1), f1(2), f2(), f3.call('t') === 't' || f3.call('t').valueOf(), f3());
      class K { constructor() { this.k = 1; } }
      const DK = u.deprecate(K, 'K is old', `DEP_K${suffix}`);
      log.push(new DK().k, new DK() instanceof K);
      try { u.deprecate(5); } catch (e) { log.push(e.code, e.message); }
      try { u.deprecate(() => {}, 'm', 5); } catch (e) { log.push(e.code, e.message); }
    } finally {
      process.emitWarning = realEmit;
    }
    warnTraces[w] = log.map((x) => (Array.isArray(x) ? x.map((s) => (typeof s === 'string' ? s.replace(/DEP_(T1|K)[AB]/, 'DEP_$1') : s)) : x));
  }
  check('deprecate trace', (w) => warnTraces[w]);

  // --- small helpers
  for (const s of ['\u001b[31mred\u001b[39m', 'plain', '\u001b]8;;http://x\u0007link\u001b]8;;\u0007', '\u009b1mX', '\u001b[2J\u001b[H']) {
    check(`stripVTControlCharacters(${JSON.stringify(s)})`, (w) => pick(w).stripVTControlCharacters(s));
  }
  check('stripVT(5)', (w) => pick(w).stripVTControlCharacters(5));
  for (const f of ['red', ['bold', 'underline'], 'bgBlue', 'nope', 'grey', 'gray', ['red', 'nope']]) {
    check(`styleText(${JSON.stringify(f)})`, (w) => pick(w).styleText(f, 'txt'));
  }
  check('styleText(red, 5)', (w) => pick(w).styleText('red', 5));
  for (const f of ['red', ['bold', 'underline'], 'grey', 'nope']) {
    check(`styleText(${JSON.stringify(f)}, no validateStream)`, (w) => pick(w).styleText(f, 'txt', { validateStream: false }));
  }
  check('styleText bad stream', (w) => pick(w).styleText('red', 'txt', { stream: 5 }));
  check('styleText fake tty', (w) => pick(w).styleText('red', 'txt', { stream: { isTTY: true, write() {}, on() {}, getColorDepth: () => 8 } }));
  for (const s of ['abc', 'a\ud800b', '\udc00x', '\ud83d\ude00', 5]) check(`toUSVString(${JSON.stringify(s)})`, (w) => pick(w).toUSVString(s));
  check('_extend', (w) => pick(w)._extend({ a: 1 }, { b: 2, a: 3 }));
  check('_extend null', (w) => pick(w)._extend({ a: 1 }, null));
  // debuglog reads NODE_DEBUG: run a child process per implementation.
  const { spawnSync } = require('node:child_process');
  for (const env of ['foo,ba*', 'FOO', 'http', '']) {
    const out = {};
    for (const w of ['ours', 'node']) {
      const r = spawnSync(process.execPath, [require('node:path').join(__dirname, '..', 'debuglog-child.js'), w],
        { env: { ...process.env, NODE_DEBUG: env }, encoding: 'utf8' });
      out[w] = r.stderr.replace(new RegExp(`\\b${r.pid}\\b`, 'g'), 'PID').replace(/\(node:PID\)/g, '(node:PID)');
    }
    check(`debuglog NODE_DEBUG=${env}`, (w) => out[w]);
  }
  check('debuglog disabled', (w) => { const d = pick(w).debuglog('jslibtest'); d('x'); return d.enabled; });

  // --- parseEnv
  const envInputs = ['A=1\nB = two \n#c=3\nD="quoted # not comment"\nE=x # comment\nF=\'single\'\nG=`back`\nH="multi\nline"\nI="esc\\nnl"\nJ=\'raw\\n\'\nexport K=exp\n  L  =  spaced  \nM=\nN\nO==eq\n=nokey\nP="unterminated\nQ=1\n',
    'A=1\r\nB=2\r\n', 'X="a"b"', 'Y=a=b=c', 'Z="  pad  "', 'DUP=1\nDUP=2', 'export  Q=1', '#only', '', 'KEY="dq \\"esc\\" "',
    'K1=`a\nb`', 'K2=a#b', 'K3=a #b', 'K4="a" # c', "K5='a'b", '\tA\t=\tx\t', "A='x\nB=2", "A='x' junk\nB=2", 'A=x\n\n\nB=y',
    '  \n  A=1', 'A="unterminated\nB=2', 'A="a\\nb\\\\nc"', "A='a\\nb'", 'A= "q" ', 'A=#x', '#a\n#b\nC=1', 'A=1#x\nB=2',
    'A=`x\ny` z\nB=1', 'A="x\ny"\nB=1', 'export A=1\nexport=2', 'A=1\nB', 'A', 'A="abc', "A='abc", 'B=1\nA="abc', '\nA\n=1',
    'A  = \n B=2', 'A=   \nB=2', 'A=" x " ', 'A=b c  d', 'A=""', "A=''\nB=1", 'A="#"#c', '__proto__=1\nA=2', 'A=1\n# c\n\n  # d\nB=2'];
  for (const input of envInputs) {
    check(`parseEnv(${JSON.stringify(input)})`, (w) => { const r = pick(w).parseEnv(input); return JSON.stringify([r, Object.getPrototypeOf(r) === Object.prototype]); });
  }
  check('parseEnv(5)', (w) => pick(w).parseEnv(5));
  for (const [sig, res] of [[5, {}], [new AbortController().signal, 5], [new AbortController().signal, null]]) {
    const key = `aborted(${typeof sig}, ${res === null ? 'null' : typeof res})`;
    const outs = {};
    for (const w of ['ours', 'node']) {
      try { await pick(w).aborted(sig, res); outs[w] = 'resolved'; } catch (e) { outs[w] = `${e.code}: ${e.message}`; }
    }
    check(key, (w) => outs[w]);
  }
  const abortTrace = {};
  for (const w of ['ours', 'node']) {
    const ac = new AbortController();
    const log = [];
    const p = pick(w).aborted(ac.signal, {}).then(() => log.push('aborted resolved'));
    log.push('before');
    ac.abort();
    await p;
    await pick(w).aborted(AbortSignal.abort(), {}).then(() => log.push('already aborted resolved'));
    abortTrace[w] = log;
  }
  check('aborted trace', (w) => abortTrace[w]);

  // --- parseArgs
  const opts = { a: { type: 'boolean', short: 'a' }, b: { type: 'boolean', short: 'b' }, c: { type: 'string', short: 'c' },
    x: { type: 'string' }, m: { type: 'string', multiple: true, short: 'm' }, d: { type: 'string', default: 'dflt' }, f: { type: 'boolean' } };
  const argSets = [
    [], ['-a'], ['-ab'], ['-abcval'], ['-c', 'v'], ['-cv'], ['--x=1'], ['--x', '1'], ['--x'], ['--x', '--f'], ['-c', '-a'],
    ['-m', '1', '-m', '2', '--m=3'], ['pos'], ['--', '--x'], ['--f=1'], ['--unknown'], ['-z'], ['--x='], ['-', '--f'],
    ['--f', 'p1', '--', 'p2', '-a'], ['-abc', 'v'], ['--no-f'], ['-ac'], ['--d', 'given'],
  ];
  for (const args of argSets) {
    for (const extra of [{}, { allowPositionals: true }, { strict: false }, { tokens: true, allowPositionals: true }, { allowNegative: true }]) {
      check(`parseArgs(${JSON.stringify(args)}, ${JSON.stringify(extra)})`, (w) => {
        const r = pick(w).parseArgs({ args, options: opts, ...extra });
        return JSON.stringify({ values: { ...r.values }, positionals: r.positionals, tokens: r.tokens });
      });
    }
  }
  // Option validation, defaults, negation and odd argv shapes.
  const cfgs = [
    { args: [], options: { a: { type: 'string', default: 5 } } },
    { args: [], options: { a: { type: 'boolean', default: 'x' } } },
    { args: [], options: { a: { type: 'string', multiple: true, default: 'x' } } },
    { args: [], options: { a: { type: 'string', multiple: true, default: ['x', 1] } } },
    { args: [], options: { a: { type: 'boolean', multiple: true, default: [true, false] } } },
    { args: [], options: { a: { type: 'string', multiple: 'yes' } } },
    { args: [], options: { a: { type: 'string', short: 5 } } },
    { args: [], options: { a: 5 } },
    { args: [], options: 5 },
    { args: 5 },
    { args: [], strict: 'x' },
    { args: [], allowPositionals: 1 },
    { args: [], tokens: 1 },
    5,
    { args: ['--a'], options: { a: { type: 'string', default: 'd' } } },
    { args: ['-a', '-b'], options: { a: { type: 'string', short: 'a' } }, strict: false },
    { args: ['--a=1', '--a', '2'], options: { a: { type: 'string', multiple: true } } },
    { args: ['--no-a', '--a'], options: { a: { type: 'boolean' } }, allowNegative: true },
    { args: ['--no-a=1'], options: { a: { type: 'boolean' } }, allowNegative: true },
    { args: ['--no-b'], options: { a: { type: 'boolean' } }, allowNegative: true },
    { args: ['--no-b'], options: { a: { type: 'boolean' } }, allowNegative: true, strict: false },
    { args: ['-'], options: {}, allowPositionals: true },
    { args: ['--', '-a'], options: {}, strict: false, tokens: true },
    { args: ['-abc'], options: {}, strict: false, tokens: true },
    { args: ['--foo=bar=baz'], strict: false },
    { args: ['-f', 'x'], options: { foo: { type: 'string', short: 'f' } }, tokens: true },
  ];
  cfgs.forEach((c, i) => check(`parseArgs config #${i}`, (w) => JSON.stringify(pick(w).parseArgs(c))));
  check('parseArgs no options', (w) => JSON.stringify(pick(w).parseArgs({ args: ['--foo', 'bar'], strict: false })));
  check('parseArgs bad type', (w) => pick(w).parseArgs({ args: [], options: { a: { type: 'number' } } }));
  check('parseArgs bad short', (w) => pick(w).parseArgs({ args: [], options: { a: { type: 'string', short: 'ab' } } }));
  check('parseArgs bad args', (w) => pick(w).parseArgs({ args: 'x' }));
};
