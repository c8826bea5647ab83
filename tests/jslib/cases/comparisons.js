'use strict';
// Deep equality (loose and strict) against Node's assert on tricky pairs.
module.exports = ({ check, ours }) => {
  const cmp = ours('internal/comparisons');
  const nodeAssert = require('node:assert');
  const nodeLoose = (a, b) => { try { nodeAssert.deepEqual(a, b); return true; } catch { return false; } };
  const nodeStrict = (a, b) => { try { nodeAssert.deepStrictEqual(a, b); return true; } catch { return false; } };
  const circ = (n) => { const o = { n }; o.self = o; return o; };
  const circ2 = () => { const a = { x: {} }; a.x.back = a; return a; };
  const e1 = new Error('m'); e1.extra = 1;
  const e2 = new Error('m'); e2.extra = 2;
  const withCause = (c) => new Error('m', { cause: c });
  class A { constructor() { this.v = 1; } }
  class B { constructor() { this.v = 1; } }
  const sym = Symbol('s');
  const argsOf = function () { return arguments; };
  const pairs = [
    [new Set([1]), new Set(['1'])], [new Set([1, '1']), new Set(['1', 1])], [new Set([1, 2]), new Set(['1', 3])],
    [new Map([[1, 'a']]), new Map([['1', 'a']])], [new Map([[1, 1]]), new Map([[1, '1']])], [new Map([[{}, 1]]), new Map([[{}, 1]])],
    [new Map([[{ a: 1 }, 1], [{ a: 1 }, 2]]), new Map([[{ a: 1 }, 2], [{ a: 1 }, 1]])], [new Set([{ a: 1 }, { a: 1 }]), new Set([{ a: 1 }, { a: 2 }])],
    [new Set([[1], [1]]), new Set([[1], [1]])], [new Set([null, undefined]), new Set([undefined, null])], [new Set([NaN]), new Set([NaN])],
    [new A(), new B()], [new A(), { v: 1 }], [[1, 2], { 0: 1, 1: 2, length: 2 }], [new Number(1), 1], [new String('a'), new String('a')],
    [new Boolean(true), new Boolean(1)], [Object(1n), Object(1n)], [Object(sym), Object(sym)],
    [e1, e2], [new Error('a'), new Error('b')], [new TypeError('a'), new Error('a')], [withCause(1), withCause(2)], [withCause(1), withCause(1)],
    [new AggregateError([1], 'x'), new AggregateError([2], 'x')],
    [0, -0], [-0, -0], [NaN, NaN], [[0], [-0]], [new Float64Array([0]), new Float64Array([-0])], [new Float32Array([NaN]), new Float32Array([NaN])],
    [new Uint8Array([1]), new Int8Array([1])], [new Uint8Array([1, 2]), new Uint8Array([1, 2])], [Buffer.from('a'), new Uint8Array([97])],
    [argsOf(1, 2), [1, 2]], [argsOf(1, 2), argsOf(1, 2)], [{ a: undefined }, {}], [{ a: undefined }, { b: undefined }],
    [[1, , 3], [1, undefined, 3]], [[, 1], [, 1]], [[1, , 3], [1, , 3]], // eslint-disable-line no-sparse-arrays
    [{ [sym]: 1 }, { [sym]: 1 }], [{ [sym]: 1 }, { [sym]: 2 }], [{ [sym]: 1 }, {}], [circ(1), circ(1)], [circ(1), circ(2)], [circ2(), circ2()],
    [new Date(0), new Date(0)], [Object.assign(new Date(0), { x: 1 }), new Date(0)], [/a/g, /a/g], [Object.assign(/a/, { x: 1 }), /a/],
    [/a/g, /a/i], [(() => { const r = /a/g; r.lastIndex = 3; return r; })(), /a/g], [new WeakMap(), new WeakMap()], [Promise.resolve(), Promise.resolve()],
    [() => {}, () => {}], [Object.create(null), {}], [Object.create(null), Object.create(null)], [{ a: 1, b: 2 }, { b: 2, a: 1 }],
    [[{ a: [1, { b: 2 }] }], [{ a: [1, { b: '2' }] }]], [1, true], ['', 0], [null, 0], [undefined, null], [[null], [undefined]],
    [new ArrayBuffer(2), new ArrayBuffer(2)], [new ArrayBuffer(2), new SharedArrayBuffer(2)], [new DataView(new ArrayBuffer(2)), new DataView(new ArrayBuffer(2))],
    [Object.assign([1], { x: 1 }), [1]], [Object.assign([1], { x: 1 }), Object.assign([1], { x: 1 })], [new Map([[NaN, 1]]), new Map([[NaN, 1]])],
    [new Set([0]), new Set([-0])], [new Map([[0, 'a']]), new Map([[-0, 'a']])], [{ a: NaN }, { a: NaN }], [[1, 2, 3], [1, 2, 3, 4]],
  ];
  pairs.forEach(([a, b], i) => {
    check(`loose #${i}`, (w) => (w === 'ours' ? cmp.isDeepEqual(a, b) : nodeLoose(a, b)));
    check(`loose rev #${i}`, (w) => (w === 'ours' ? cmp.isDeepEqual(b, a) : nodeLoose(b, a)));
    check(`strict #${i}`, (w) => (w === 'ours' ? cmp.isDeepStrictEqual(a, b) : nodeStrict(a, b)));
    check(`strict rev #${i}`, (w) => (w === 'ours' ? cmp.isDeepStrictEqual(b, a) : nodeStrict(b, a)));
  });
};
