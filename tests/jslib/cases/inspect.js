'use strict';
// util.inspect / util.format against Node's.
const util = require('node:util');

module.exports = ({ check, ours }) => {
  const our = ours('internal/inspect');
  const ourUtil = ours('util');

  // Promise state is a native hook in nodec; here the harness knows the
  // state of the promises it makes.
  const promiseStates = new WeakMap();
  our.inspect.getPromiseDetails = (p) => promiseStates.get(p);
  const resolved = (v) => { const p = Promise.resolve(v); promiseStates.set(p, [1, v]); return p; };
  const rejected = (v) => { const p = Promise.reject(v); p.catch(() => {}); promiseStates.set(p, [2, v]); return p; };

  class Foo { constructor() { this.x = 1; this.y = 'two'; } }
  class Bar extends Foo {}
  class Empty {}
  class WithTag { get [Symbol.toStringTag]() { return 'Tagged'; } }
  class MyError extends Error {}
  class CustomNamedError extends Error { constructor(m) { super(m); this.name = 'CustomNamedError'; } }
  function OldStyle() { this.a = 1; }
  const nullProto = Object.create(null);
  const nullProtoWithKeys = Object.assign(Object.create(null), { a: 1, b: [1, 2] });
  const circular = { name: 'c' };
  circular.self = circular;
  const circ2 = { a: { b: {} } };
  circ2.a.b.back = circ2.a;
  circ2.top = circ2;
  const arrCirc = [1, 2];
  arrCirc.push(arrCirc);
  const mapCirc = new Map();
  mapCirc.set('me', mapCirc);
  const holes = [1, , 3]; // eslint-disable-line no-sparse-arrays
  const manyHoles = new Array(5);
  manyHoles[2] = 'x';
  const arrExtra = [1, 2, 3];
  arrExtra.extra = true;
  arrExtra[Symbol('s')] = 1;
  const errWithProps = new Error('with props');
  errWithProps.code = 'E_CODE';
  errWithProps.info = { a: 1 };
  const errNoStack = new Error('no stack');
  errNoStack.stack = undefined;
  const errStackOnlyHeader = new TypeError('hdr');
  errStackOnlyHeader.stack = 'TypeError: hdr';
  const errCause = new Error('outer', { cause: new Error('inner') });
  const errCausePrim = new Error('outer2', { cause: 'just a string' });
  const aggErr = new AggregateError([new Error('a1')], 'agg');
  const errNameChanged = new Error('renamed');
  errNameChanged.name = 'Foo';
  const nested = { l1: { l2: { l3: { l4: { l5: 1 } } } } };
  const customInspect = { [util.inspect.custom]() { return 'CUSTOM!'; } };
  const customInspectObj = { [util.inspect.custom]() { return { replaced: true }; } };
  const customMultiline = { inner: { [util.inspect.custom]() { return 'line1\nline2'; } } };
  const customDepth = { [util.inspect.custom](depth, opts) { return `depth=${depth} colors=${opts.colors} bl=${opts.breakLength}`; } };
  const getters = {
    get a() { return 1; },
    set b(v) {},
    get c() { return 'str'; },
    set c(v) {},
    get d() { return { nested: true }; },
    get e() { return null; },
    get f() { throw new Error('boom'); },
  };
  const nonEnum = {};
  Object.defineProperty(nonEnum, 'hidden', { value: 42, enumerable: false });
  nonEnum.visible = 1;
  const symKeys = { [Symbol('sym')]: 1, [Symbol()]: 2, [Symbol.for('reg')]: 3, normal: 4 };
  const weirdKeys = { '\x85k': 0, 'tab\tkey': 0, "q'k": 0, 'a-b': 1, 'with space': 2, '0': 3, '1a': 4, _ok: 5, $d: 6, "it's": 7, 'ünï': 8, '': 9 };
  const longStr = 'x'.repeat(200);
  const multiLineStr = 'first line of text here\nsecond line of text here\nthird line here which is longer than the others\n';
  const date = new Date(Date.UTC(2020, 0, 2, 3, 4, 5, 6));
  const dateWithProp = new Date(0);
  dateWithProp.foo = 'bar';
  const reWithProp = /ab+c/gi;
  reWithProp.extra = 1;
  const fnWithProps = function named() {};
  fnWithProps.prop = 'p';
  const boxed = [new Number(3), new String('str'), new Boolean(false), Object(Symbol('bs')), Object(10n), new Number(-0)];
  const boxedWithProp = new String('ab');
  boxedWithProp.extra = 1;
  const ta = new Uint8Array([1, 2, 3]);
  const bigTa = new Float64Array(120).map((_, i) => i / 3);
  const dv = new DataView(new ArrayBuffer(4), 1, 2);
  const args = (function () { return arguments; })(1, 'two', [3]);
  const gen = (function* g() { yield 1; })();
  const longArrayNum = Array.from({ length: 120 }, (_, i) => i);
  const longArrayStr = Array.from({ length: 30 }, (_, i) => `item number ${i}`);
  const mixedArr = [1, 'two', { three: 3 }, [4], null, undefined, true, 8n, Symbol('nine')];
  const matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]];
  const objOfArrays = { a: [1, 2, 3], b: ['x', 'y'], c: [] };
  const wideObj = {};
  for (let i = 0; i < 30; i++) wideObj[`key${i}`] = i;
  const deepArr = [[[[[1]]]]];
  const setOfObjs = new Set([{ a: 1 }, [1, 2], 'str']);
  const mapObjKeys = new Map([[{ k: 1 }, { v: 1 }], [[1], 'arr']]);
  const bigMap = new Map(Array.from({ length: 120 }, (_, i) => [i, `v${i}`]));
  const subclassArr = new (class MyArray extends Array {})();
  subclassArr.push(1, 2);
  const subclassMap = new (class MyMap extends Map {})([[1, 2]]);
  const nullProtoArr = Object.setPrototypeOf([1, 2], null);
  const nullProtoMap = Object.setPrototypeOf(new Map([[1, 2]]), null);
  const nullProtoFn = Object.setPrototypeOf(function nf() {}, null);
  const objWithProtoKey = JSON.parse('{"__proto__": 1}');
  const emptyItems = [, , ,]; // eslint-disable-line no-sparse-arrays
  const numbers = [0, -0, 1.5, -1e21, 1e21, NaN, Infinity, -Infinity, 123456789.123, 2 ** 53];
  const strings = ['', 'a', "'", '"', '`', "'\"", "'\"`", "'\"`${}", '\\', '\n', '\t\r\b\f\v', '\x00\x01\x1f\x7f', '\u{1F600}', '\ud800', 'é', '中文', 'a\x85b\x9fc\xa0', '\udc00x', "'\\", '"\x00`\'', 'x\ud83d\ude00\ud83d'];
  const cls = class {};
  const anonFn = (() => () => {})();
  const boundFn = function orig() {}.bind(null);
  const asyncGen = async function* ag() {};
  const objWithClassProp = { cls: Foo, fn: Bar };
  const instanceWithNullProtoChain = Object.create(Object.create(null));
  const objWithToStringTag = { [Symbol.toStringTag]: 'OwnTag', a: 1 };
  const fooWithTag = new WithTag();
  const weak = [new WeakMap(), new WeakSet(), new WeakRef({})];
  const promises = [resolved(42), rejected(new Error('rej')), resolved({ a: 1 }), rejected(3), new Promise(() => {})];
  const ab = new ArrayBuffer(8);
  new Uint8Array(ab).set([1, 2, 255]);
  const bigAB = new ArrayBuffer(120);
  const sab = new SharedArrayBuffer(2);
  const arrayOfObjects = [{ name: 'alice', age: 30 }, { name: 'bob', age: 25 }, { name: 'carol', age: 35 }];
  const objWithLongValues = { description: 'a'.repeat(60), other: 'b'.repeat(30) };
  const shortObjects = Array.from({ length: 10 }, (_, i) => ({ i }));
  const mixedLengthArr = ['a', 'bb', 'ccc', 'dddd', 'eeeee', 'ffffff', 'ggggggg', 'hhhhhhhh'];
  const numArr26 = Array.from({ length: 26 }, (_, i) => i * 1000);
  const negNums = Array.from({ length: 12 }, (_, i) => (i % 2 ? -i : i) * 11);
  const unicodeArr = Array.from({ length: 10 }, (_, i) => '中'.repeat(i % 3 + 1));
  const withUndefined = { a: undefined, b: null };
  const iterMap = new Map([[1, 2]]).entries();
  const objInArr = [{ a: { b: { c: { d: 1 } } } }];
  const serverLike = { host: 'localhost', port: 8080, options: { keepAlive: true, timeout: 5000, headers: { 'content-type': 'application/json', accept: '*/*' } }, handlers: [function onRequest() {}, () => {}] };

  class ProtoNamed extends Error {}
  ProtoNamed.prototype.name = 'ProtoNamed';
  const errMultiMsg = new Error('first line\nsecond line');
  const errEmpty = new Error('');
  const errStackNotString = new Error('weird');
  errStackNotString.stack = { not: 'a string' };
  const errNoFrames = new Error('nf');
  errNoFrames.stack = 'Error: nf';
  const errFakeAt = new Error('msg with\n    at fake frame');
  const errNullProto = Object.setPrototypeOf(new Error('np'), null);
  const errWithName = new TypeError('tn');
  errWithName.name = 'CustomName';
  const errInstanceOnly = Object.create(Error.prototype, { message: { value: 'created', enumerable: false } });
  const errNested = { level1: { err: new RangeError('nested'), arr: [new Error('in arr')] } };
  class NullBase extends null { constructor() { return Object.create(NullBase.prototype); } }
  const exotic = {
    anonInst: new (class {})(), ctorProp: { constructor: 'x', a: 1 }, ctorFn: { constructor: function Bar() {} },
    fromProto: Object.create(Foo.prototype), nullBase: new NullBase(), objWithNumKeys: { '-1': 1, '01': 2, '1e3': 3, 1.5: 4 },
    emptyStrKey: { '': 1 }, dateSub: new (class MyDate extends Date {})(0), reSub: new (class MyRe extends RegExp {})('x', 'g'),
    mapSub: new (class MyMap extends Map {})(), setNullProto: Object.setPrototypeOf(new Set([1]), null),
    taNull: Object.setPrototypeOf(new Uint8Array(2), null), boxedNull: Object.setPrototypeOf(new Number(3), null),
    getterOnProto: new (class G { get x() { return 1; } })(), frozen: Object.freeze({ a: 1 }), arrWithNeg: Object.assign([1, 2], { '-1': 'neg' }),
    longKey: { ['k'.repeat(100)]: 1 }, strObjKeys: Object.assign(new String('ab'), { x: 1 }), staticClass: class S { static x = 1; static m() {} },
    iterProto: Object.getPrototypeOf([][Symbol.iterator]()), reflect: Reflect, weakRef: new WeakRef({}), finReg: new FinalizationRegistry(() => {}),
    emptyAB: new ArrayBuffer(0), maxInt: Number.MAX_SAFE_INTEGER, promiseSub: (() => { const p = (class P extends Promise {}).resolve(1); promiseStates.set(p, [1, 1]); return p; })(),
  };
  const values = {
    ...exotic,
    protoNamed: new ProtoNamed('pn'), errMultiMsg, errEmpty, errStackNotString, errNoFrames, errFakeAt, errNullProto,
    errWithName, errInstanceOnly, errNested, smallNums: [1e-7, -1e-7, 1.5e300, 2 ** -1074, 0.1 + 0.2, 123e-20],
    undefined, null: null, true: true, false: false, numbers, strings, bigint: 123n, negBig: -5n,
    sym: Symbol('desc'), symEmpty: Symbol(), symIter: Symbol.iterator, symSpace: Symbol('a b'),
    emptyObj: {}, emptyArr: [], simpleObj: { a: 1, b: 'two', c: [3] },
    foo: new Foo(), bar: new Bar(), empty: new Empty(), oldStyle: new OldStyle(),
    nullProto, nullProtoWithKeys, circular, circ2, arrCirc, mapCirc, holes, manyHoles, emptyItems, arrExtra,
    err: new Error('boom'), typeErr: new TypeError('bad type'), rangeErr: new RangeError('range'),
    myErr: new MyError('mine'), customNamed: new CustomNamedError('cn'), errWithProps, errNoStack, errStackOnlyHeader,
    errCause, errCausePrim, aggErr, errNameChanged, errInArr: [new Error('in array')], errInObj: { e: new Error('in obj') },
    nested, customInspect, customInspectObj, customMultiline, customDepth, getters, nonEnum, symKeys, weirdKeys,
    longStr, multiLineStr, strInObj: { s: multiLineStr }, date, invalidDate: new Date(NaN), dateWithProp,
    re: /x/g, reWithProp, fn: function f() {}, fnWithProps, arrow: () => {}, anonFn, asyncFn: async function af() {},
    genFn: function* gf() {}, asyncGen, boundFn, cls, Foo, Bar, MyError, nullProtoFn,
    boxed, boxedWithProp, ta, bigTa, emptyTa: new Int16Array(0), bigint64: new BigInt64Array([1n, -2n]), dv, args, gen,
    longArrayNum, longArrayStr, mixedArr, matrix, objOfArrays, wideObj, deepArr, setOfObjs, mapObjKeys, bigMap,
    set: new Set([1, 'a', [2]]), map: new Map([['a', 1], ['b', { c: 2 }]]), emptySet: new Set(), emptyMap: new Map(),
    subclassArr, subclassMap, nullProtoArr, nullProtoMap, objWithProtoKey, cls2: objWithClassProp,
    instanceWithNullProtoChain, objWithToStringTag, fooWithTag, weak, promises, ab, bigAB, sab,
    arrayOfObjects, objWithLongValues, shortObjects, mixedLengthArr, numArr26, negNums, unicodeArr, withUndefined,
    objInArr, serverLike, globalMath: Math, json: JSON,
    arrWithFns: [function a() {}, function b() {}, () => {}], nestedMaps: new Map([['m', new Map([['n', new Set([1])]])]]),
    objKeysNumeric: { 1: 'a', 2: 'b', 10: 'c' }, sparseBig: Object.assign(new Array(200), { 150: 1 }),
    arr7: [1, 2, 3, 4, 5, 6, 7], arr6: [1, 2, 3, 4, 5, 6], arr101: Array.from({ length: 101 }, () => 'ab'),
    strArr: 'the quick brown fox jumps over the lazy dog and keeps on running far away'.split(' '),
  };

  const optionSets = [
    undefined,
    { depth: 0 }, { depth: 1 }, { depth: null }, { depth: Infinity }, { depth: 5 },
    { colors: true }, { showHidden: true }, { compact: false }, { compact: true }, { compact: 1 },
    { breakLength: 40 }, { breakLength: Infinity }, { sorted: true }, { maxArrayLength: 2 }, { maxArrayLength: 0 },
    { maxStringLength: 5 }, { getters: true }, { getters: 'get' }, { getters: 'set' }, { numericSeparator: true },
    { customInspect: false }, { compact: false, breakLength: 120 }, { colors: true, depth: 0 },
  ];

  for (const [name, value] of Object.entries(values)) {
    for (const opts of optionSets) {
      // showHidden on functions and errors reveals engine-specific own
      // properties; keep those to the default options.
      check(`inspect(${name}, ${JSON.stringify(opts)})`, (which) =>
        (which === 'ours' ? our.inspect : util.inspect)(value, opts));
    }
  }

  // Options and hooks that change global state or call back.
  const both = (fn) => (w) => fn(w === 'ours' ? our.inspect : util.inspect);
  check('sorted comparator', both((ins) => ins({ b: 1, a: 2, c: 3, [Symbol('z')]: 0 }, { sorted: (x, y) => (x < y ? 1 : -1) })));
  check('sorted map/set', both((ins) => ins([new Map([['b', 1], ['a', 2]]), new Set(['z', 'y']), { y: 1, x: 2 }], { sorted: true })));
  check('stylize option', both((ins) => ins({ a: 1, b: 'x' }, { stylize: (str, type) => `<${type}:${str}>` })));
  check('defaultOptions change', both((ins) => {
    const saved = { ...ins.defaultOptions };
    ins.defaultOptions = { depth: 0, breakLength: 20 };
    try { return ins({ a: { b: 1 }, c: 'long enough to break the line' }); } finally { ins.defaultOptions = saved; }
  }));
  check('styles change', both((ins) => {
    const saved = ins.styles.number;
    ins.styles.number = 'red';
    try { return ins([1, 'a'], { colors: true }); } finally { ins.styles.number = saved; }
  }));
  check('custom inspect args', both((ins) => ins({ inner: { [ins.custom](depth, options, inspectFn) {
    return `d=${depth} ${options.stylize('s', 'string')} ${typeof inspectFn} ${inspectFn({ x: [1] }, options)} ${Object.keys(options).join(',')}`;
  } } }, { colors: true, userOption: 42 })));
  check('custom inspect nested object', both((ins) => ins({ a: { [ins.custom]() { return { b: { [ins.custom]() { return 'deep custom'; } } }; } } })));
  check('custom inspect returns this', both((ins) => { const o = { x: 1, [ins.custom]() { return this; } }; return ins(o); }));
  check('custom inspect throws', both((ins) => ins({ [ins.custom]() { throw new Error('ci'); } })));
  check('customInspect on class proto', both((ins) => {
    class C { constructor() { this.v = 1; } [ins.custom]() { return `C<${this.v}>`; } }
    return ins([new C(), C.prototype, { c: new C() }]);
  }));
  check('getter throws', both((ins) => ins({ get bad() { throw new Error('nope'); } }, { getters: true })));
  check('compact true long', both((ins) => ins({ a: 'x'.repeat(90), b: { c: 'y'.repeat(90) }, d: [1, 2, 3] }, { compact: true })));
  check('breakLength 0', both((ins) => ins({ a: 1, b: [1, 2] }, { breakLength: 0 })));
  check('depth -1', both((ins) => ins({ a: 1 }, { depth: -1 })));
  check('maxStringLength 0', both((ins) => ins(['abc', 'de'], { maxStringLength: 0 })));
  check('maxArrayLength -1', both((ins) => ins([1, 2], { maxArrayLength: -1 })));
  check('inspect no args', both((ins) => ins()));
  check('inspect boolean opts', both((ins) => ins({ a: [1] }, false)));

  // Legacy positional signature and numbers with separators.
  check('inspect(obj, true, 0, false)', (w) => (w === 'ours' ? our.inspect : util.inspect)({ a: { b: 1 } }, true, 0, false));
  for (const n of [1234567, -1234567.891, 0.0001234, 123456789012345678901234567890n, 1e21, -0.5, 1000, 999]) {
    check(`numericSeparator ${n}`, (w) => (w === 'ours' ? our.inspect : util.inspect)(n, { numericSeparator: true }));
  }

  // util.format
  const formats = [
    ['%s', 'a'], ['%s %s', 'a'], ['%s', 1, 2], ['%d', '42'], ['%d', 42n], ['%d', {}], ['%i', 42.9], ['%i', '0x10'],
    ['%f', '1.5e3'], ['%j', { a: [1] }], ['%j', circular], ['%o', { a: { b: { c: { d: { e: 1 } } } } }], ['%O', nested],
    ['%c', 'color: red'], ['%%', 1], ['%% %s', 'x'], ['%x', 1], ['a%', 1], ['%s', null], ['%s', undefined],
    ['%s', Symbol('s')], ['%s', -0], ['%s', 5n], ['%s', { a: { b: { c: 1 } } }], ['%s', [1, [2, [3]]]],
    ['%s', new Error('fmt')], ['%s', { toString() { return 'custom'; } }], ['%s', new Foo()], ['%s', new Date(0)],
    ['%s', () => 1], ['%s', nullProto], [1, 2, 3], ['no args'], [{ a: 1 }, 'str', 3], ['%d%d', 1, 2], ['%s:%s', 'a', 'b', 'c'],
    ['%s', 'a', { b: 1 }], [], ['%d', Symbol('x')], ['%i', 5n], ['%f', Symbol()], ['%s', new Map([[1, 2]])],
    ['%s %o', 'x', [1, 2]], ['%O', 'str'], ['%s', [undefined, null]], ['%j', undefined], ['%j', () => 1], ['%s', class A {}],
    ['%s', Object.assign(Object.create(null), { toString: () => 'np' })], ['%s', new (class X { toString() { return 'X!'; } })()],
    [new Error('first')], ['%s %s %s', 1], ['%', 1], ['%s%', 1], ['100%% sure %s', 'yes'],
    ['%s', new URL('http://a/b?c')], ['%s', new TextEncoder()], ['%s', Buffer.from('ab')], ['%s', new AbortController()],
    ['%o', function foo() {}], ['%o', class K {}], ['%o', [1, [2, [3, [4, [5, [6]]]]]]], ['%O', { a: { b: { c: { d: {} } } } }],
    ['%s', [Symbol('a'), 5n, -0]], ['%d', ''], ['%d', null], ['%i', 'abc'], ['%f', '0x10'], ['%d', '0x10'], ['%s', new Error('e2')],
    ['%s', Object.assign(new Error('e3'), { toString() { return 'own toString'; } })], ['%j', { toJSON() { return 'tj'; } }], ['%j', 5n],
    ['a', 'b', 'c'], [5, 'x', null], ['%s', 'a\nb'], ['%o', 'str'], ['%o', new Map([[1, { a: [1] }]])], ['%O', new Set([1])],
  ];
  for (const args of formats) {
    check(`format(${util.inspect(args, { breakLength: Infinity })})`, (w) =>
      (w === 'ours' ? ourUtil.format : util.format)(...args));
  }
  check('formatWithOptions colors', (w) => (w === 'ours' ? ourUtil.formatWithOptions : util.formatWithOptions)({ colors: true }, 'x %O %s', { a: 1 }, 2, [3]));
  check('formatWithOptions bad', (w) => (w === 'ours' ? ourUtil.formatWithOptions : util.formatWithOptions)(5, 'x'));
  check('defaultOptions', (w) => (w === 'ours' ? ourUtil.inspect : util.inspect).defaultOptions);
  check('styles', (w) => JSON.stringify((w === 'ours' ? ourUtil.inspect : util.inspect).styles));
  check('colors keys', (w) => JSON.stringify(Object.keys((w === 'ours' ? ourUtil.inspect : util.inspect).colors)));
  check('custom symbol', (w) => (w === 'ours' ? ourUtil.inspect : util.inspect).custom === Symbol.for('nodejs.util.inspect.custom'));
};
