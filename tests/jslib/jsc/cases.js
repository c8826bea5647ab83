'use strict';
// Cases evaluated both by Node with its own modules and by JavaScriptCore
// with our lib/ (see prelude.js): values are created inside the engine under
// test, so engine differences (own properties of functions and errors,
// Function.prototype.toString, ...) show up. Every case returns a string.
module.exports = function cases({ util, path, events, assert, console: consoleModule }) {
  const out = [];
  const add = (name, fn) => out.push([name, fn]);
  const insp = (v, o) => util.inspect(v, o);
  const msg = (f) => { try { f(); return 'no throw'; } catch (e) { return `${e.name}|${e.code}|${e.message}`; } };

  class Foo { constructor() { this.x = 1; } }
  class Bar extends Foo { get y() { return 2; } }
  function Legacy() { this.a = 1; }
  const stackless = (e) => { delete e.stack; Object.defineProperty(e, 'stack', { value: undefined }); return e; };
  const circ = { name: 'c' };
  circ.self = circ;
  const values = {
    prims: [1, -0, 1.5, NaN, 'str', "it's", 10n, true, null, undefined, Symbol('s')],
    obj: { a: 1, 'b-c': [1, 2, { d: 3 }], e: { f: { g: { h: 1 } } } },
    arr100: Array.from({ length: 120 }, (_, i) => i * 3),
    strs: Array.from({ length: 25 }, (_, i) => 'w' + i),
    holes: [1, , 3, , , 6], // eslint-disable-line no-sparse-arrays
    classes: [Foo, Bar, class {}, new Foo(), new Bar(), new Legacy()],
    fns: [function named() {}, () => {}, async function af() {}, function* g() {}, async function* ag() {}, Math.max],
    nullProto: Object.assign(Object.create(null), { a: 1 }),
    mapset: [new Map([['a', 1], [{ k: 1 }, [2]]]), new Set([1, 'two', [3]]), new WeakMap(), new WeakSet()],
    typed: [new Uint8Array([1, 2, 3]), new Float64Array(3), new BigInt64Array(2), new ArrayBuffer(3), new DataView(new ArrayBuffer(2))],
    dates: [new Date(0), new Date(NaN), /re+/gi],
    boxed: [new Number(3), new String('ab'), new Boolean(false), Object(Symbol('x')), Object(5n)],
    circ,
    getters: { get a() { return 1; }, set b(v) {}, get c() { return 1; }, set c(v) {} },
    syms: { [Symbol('k')]: 1, [Symbol.iterator]: 2 },
    errs: [stackless(new Error('plain')), stackless(new TypeError('type')), stackless(Object.assign(new RangeError('r'), { code: 'X' }))],
    args: (function () { return arguments; })(1, 2),
    longStr: 'line\n'.repeat(10) + 'x'.repeat(100),
    nested: [[[[['deep']]]]],
    tagged: { [Symbol.toStringTag]: 'Custom', v: 1 },
    custom: { [util.inspect.custom]: (d, o) => `custom depth=${d} bl=${o.breakLength}` },
  };
  for (const [name, v] of Object.entries(values)) {
    for (const opts of [undefined, { depth: 0 }, { compact: false }, { breakLength: 40 }, { colors: true }, { sorted: true, maxArrayLength: 3 }]) {
      add(`inspect ${name} ${JSON.stringify(opts)}`, () => insp(v, opts));
    }
  }
  add('inspect showHidden error', () => insp(stackless(new TypeError('hidden')), { showHidden: true }));
  add('inspect showHidden thrown error', () => { try { null.x; } catch (e) { stackless(e); return insp(e, { showHidden: true }).split('\n').slice(1).join('\n').replace(/\[message\]: .*/, '[message]: M'); } });
  add('inspect showHidden obj', () => insp({ a: [1] }, { showHidden: true }));
  add('inspect showHidden class', () => insp(new Bar(), { showHidden: true }));
  add('format', () => util.format('%s %d %i %f %j %o %O %% %c', 'a', 42.5, 42.5, '1.5', { j: 1 }, [1], { O: 1 }, 'css', 'extra', { x: 1 }));
  add('format %s obj', () => util.format('%s|%s|%s', { a: { b: 1 } }, [1, [2]], new Foo()));
  add('types', () => [new Date(), /x/, new Map(), Promise.resolve(), new Uint8Array(1), async () => {}, function* () {}, new Error(), Object(1)]
    .map((v) => Object.keys(util.types).filter((k) => !['isExternal', 'isKeyObject', 'isCryptoKey', 'isProxy', 'isModuleNamespaceObject'].includes(k) && util.types[k](v)).join('+')).join(' '));
  add('isDeepStrictEqual', () => [util.isDeepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), util.isDeepStrictEqual(new Set([1, 2]), new Set([2, 1])), util.isDeepStrictEqual([1], ['1'])].join());
  add('parseArgs', () => JSON.stringify(util.parseArgs({ args: ['-ab', '--name=x', 'pos'], options: { a: { type: 'boolean', short: 'a' }, b: { type: 'boolean', short: 'b' }, name: { type: 'string' } }, allowPositionals: true })));
  add('inherits', () => { function A() {} function B() {} util.inherits(B, A); return [B.super_ === A, Object.getPrototypeOf(B.prototype) === A.prototype].join(); });
  add('stripVT', () => util.stripVTControlCharacters('\u001b[31mred\u001b[39m'));

  // Seeded random structures (same seed in both engines).
  let seed = 4242;
  const rnd = () => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff; };
  const words = ['a', 'id', 'name', 'value', 'longer_key_name', 'x-y', 'ünï', 'data'];
  const pickw = () => words[Math.floor(rnd() * words.length)];
  function gen(depth) {
    const r = rnd();
    if (depth > 4 || r < 0.35) {
      const k = Math.floor(rnd() * 7);
      return [Math.floor(rnd() * 1000), -rnd() * 1e6, pickw().repeat(1 + Math.floor(rnd() * 4)), rnd() < 0.5, null,
        'line one\nline two '.repeat(1 + Math.floor(rnd() * 5)), BigInt(Math.floor(rnd() * 1e9))][k];
    }
    if (r < 0.6) {
      const n = Math.floor(rnd() * (rnd() < 0.3 ? 40 : 8));
      const kind = Math.floor(rnd() * 3);
      return Array.from({ length: n }, () => (kind === 0 ? Math.floor(rnd() * 10 ** Math.floor(rnd() * 6)) : kind === 1 ? pickw() : gen(depth + 1)));
    }
    if (r < 0.85) {
      const o = {};
      const n = Math.floor(rnd() * 7);
      for (let i = 0; i < n; i++) o[pickw() + (i || '')] = gen(depth + 1);
      return o;
    }
    if (r < 0.92) return new Map([[pickw(), gen(depth + 1)], [Math.floor(rnd() * 5), gen(depth + 1)]]);
    return new Set([gen(depth + 1), gen(depth + 1), pickw()]);
  }
  for (let i = 0; i < 150; i++) {
    const v = gen(0);
    const opts = [undefined, { breakLength: 60 }, { depth: 4 }, { compact: 2 }, { colors: true }][i % 5];
    add(`random #${i}`, () => insp(v, opts));
    if (i % 3 === 0) {
      const w = gen(0);
      add(`random assert #${i}`, () => msg(() => assert.deepStrictEqual(v, w)));
    }
  }

  // console, writing to an emitter-based stream
  const consoleOut = (fn) => () => {
    let buf = '';
    const stream = new events.EventEmitter();
    stream.write = (str, cb) => { buf += str; if (typeof cb === 'function') cb(null); return true; };
    const c = new consoleModule.Console({ stdout: stream, stderr: stream });
    fn(c);
    return buf;
  };
  add('console log/group/count', consoleOut((c) => {
    c.log('a %s b %d', 'x', 5, { o: [1, 2] }); c.group('G'); c.warn('in\ngroup'); c.count(); c.count(); c.groupEnd(); c.assert(false, 'bad');
  }));
  add('console table', consoleOut((c) => { c.table([{ a: 1, b: 'two' }, { a: [1, 2, 3, 4], c: null }]); c.table(new Map([[1, 2]])); }));
  add('console dir', consoleOut((c) => c.dir({ a: { b: { c: { d: 1 } } } }, { depth: 1 })));

  // path
  const ps = ['', '/', 'a/b/../c', '/x/y/', '.a', 'x.tar.gz', '//srv//share', 'C:\\a\\b', '\\\\srv\\sh\\f.txt', '../..'];
  for (const p of ps) {
    for (const fl of ['posix', 'win32']) {
      for (const fn of ['normalize', 'dirname', 'basename', 'extname', 'isAbsolute']) add(`${fl}.${fn}(${JSON.stringify(p)})`, () => path[fl][fn](p));
      add(`${fl}.parse(${JSON.stringify(p)})`, () => JSON.stringify(path[fl].parse(p)));
      add(`${fl}.join(${JSON.stringify(p)})`, () => path[fl].join(p, 'z', '..', 'q'));
      add(`${fl}.relative(${JSON.stringify(p)})`, () => path[fl].relative('/a/b/c', p || '.'));
    }
  }
  add('path.resolve', () => path.resolve('/etc', 'config', '../app.conf'));
  add('path error', () => path.join(5));

  // events
  add('events trace', () => {
    const log = [];
    const e = new events.EventEmitter();
    e.on('newListener', (n) => log.push('new:' + String(n)));
    e.on('x', (a) => log.push('x1:' + a));
    e.prependOnceListener('x', (a) => log.push('x0:' + a));
    e.emit('x', 1); e.emit('x', 2);
    try { e.emit('error', 'bad'); } catch (er) { log.push(er.code + ':' + er.message); }
    log.push(insp(e, { depth: 0 }));
    return log.join('\n');
  });
  add('events leak text', () => {
    const e = new events.EventEmitter();
    let msg;
    const real = process.emitWarning;
    process.emitWarning = (w) => { msg = w.message; };
    try { for (let i = 0; i < 11; i++) e.on('foo', () => {}); } finally { process.emitWarning = real; }
    return msg;
  });

  // assert
  add('assert strictEqual', () => msg(() => assert.strictEqual(1, 2)));
  add('assert deepStrictEqual', () => msg(() => assert.deepStrictEqual({ a: 1, b: [1, 2, 3] }, { a: 1, b: [1, 2, 4] })));
  add('assert equal', () => msg(() => assert.equal('a', 'b')));
  add('assert throws', () => msg(() => assert.throws(() => {}, TypeError)));
  add('assert throws mismatch', () => msg(() => assert.throws(() => { throw new TypeError('t'); }, RangeError)));
  add('assert match', () => msg(() => assert.match('abc', /x/)));
  add('assert notDeepStrictEqual', () => msg(() => assert.notDeepStrictEqual([1], [1])));
  // Block bodies: in strict code JSC performs proper tail calls, and an
  // arrow whose body is the assert call would leave no frame to quote.
  add('assert.ok message', () => msg(() => { assert.ok(0 > 1); }));
  add('assert(…) message', () => msg(() => { assert(typeof 123 === 'string'); }));
  add('assert.ok multiline', () => msg(() => {
    assert.ok(1 > 2 &&
      true);
  }));
  return out;
};
