'use strict';
// node:assert failures and messages against Node's.
const util = require('node:util');

function describe(e) {
  if (!e) return 'no throw';
  const keys = Object.keys(e);
  return util.inspect({
    name: e.name, code: e.code, message: e.message, generatedMessage: e.generatedMessage,
    // Errors print their stacks, whose frames name the implementation.
    operator: e.operator, actual: e.actual instanceof Error ? `[${e.actual}]` : e.actual,
    expected: e.expected, keys, str: String(e),
    header: typeof e.stack === 'string' ? e.stack.split('\n')[0] : e.stack,
  }, { depth: 3 });
}

module.exports = async ({ check, ours }) => {
  const our = ours('assert');
  const ourStrict = ours('assert/strict');
  const nodeAssert = require('node:assert');
  const pick = (w) => (w === 'ours' ? our : nodeAssert);
  const run = (fn) => { try { fn(); return 'no throw'; } catch (e) { return describe(e); } };

  class Foo { constructor(x) { this.x = x; } }
  const big = { a: 1, b: [1, 2, 3], c: { d: 'str', e: null, f: [{ g: 1 }] }, h: 'long string value here', i: true, j: undefined };
  const big2 = { ...big, c: { ...big.c, d: 'changed' } };
  const longArr = Array.from({ length: 60 }, (_, i) => i);
  const longArr2 = longArr.map((x) => (x === 30 ? -1 : x));
  const manyKeys = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, i]));
  const manyKeys2 = { ...manyKeys, k10: 'ten' };
  const sym = Symbol('s');
  const pairs = [
    [1, 2], [1, '1'], ['a', 'b'], ['hello world', 'hello there'], ['a'.repeat(30), 'a'.repeat(29) + 'b'], [0, -0], [-0, 0],
    [NaN, NaN], [null, undefined], [{}, {}], [[], []], [{ a: 1 }, { a: 2 }], [{ a: 1 }, { a: 1 }], [[1, 2, 3], [1, 2, 4]],
    [big, big2], [longArr, longArr2], [manyKeys, manyKeys2], [new Foo(1), { x: 1 }], [new Foo(1), new Foo(2)],
    [new Date(0), new Date(1)], [/a/, /b/], [new Set([1, 2]), new Set([1, 3])], [new Map([[1, 'a']]), new Map([[1, 'b']])],
    [{ [sym]: 1 }, { [sym]: 2 }], [[1, 2], [1, 2, 3]], [[1, 2, 3], [1, 2]], ['line1\nline2\nline3', 'line1\nlineX\nline3'],
    [1, { a: 1 }], [() => {}, () => {}], [true, false], [1n, 2n], [Symbol('a'), Symbol('a')], [undefined, null],
    [{ a: [1, 2, { b: 3 }] }, { a: [1, 2, { b: 4 }] }], ['x', 'y'.repeat(100)], [[1, [2, [3, [4]]]], [1, [2, [3, [5]]]]],
    [new Error('a'), new Error('b')], [{ a: undefined }, {}], [Object.create(null), {}], ['12345678', '12345679'],
  ];
  const ops = ['equal', 'notEqual', 'strictEqual', 'notStrictEqual', 'deepEqual', 'notDeepEqual', 'deepStrictEqual', 'notDeepStrictEqual'];
  pairs.forEach(([a, b], i) => {
    for (const op of ops) {
      check(`assert.${op} #${i}`, (w) => run(() => pick(w)[op](a, b)));
      check(`assert.strict.${op} #${i}`, (w) => run(() => (w === 'ours' ? ourStrict : nodeAssert.strict)[op](a, b)));
    }
    check(`deepStrictEqual(b, a) #${i}`, (w) => run(() => pick(w).deepStrictEqual(b, a)));
  });
  for (const op of ops) {
    check(`${op} custom message`, (w) => run(() => pick(w)[op](1, op.startsWith('not') ? 1 : 2, 'custom msg')));
    check(`${op} error message`, (w) => run(() => pick(w)[op](1, op.startsWith('not') ? 1 : 2, new TypeError('own error'))));
    check(`${op} missing args`, (w) => run(() => pick(w)[op](1)));
  }

  // ok / assert
  for (const v of [true, 1, 'x', {}]) check(`ok(${util.inspect(v)})`, (w) => run(() => pick(w).ok(v)));
  check('ok(false)', (w) => run(() => pick(w).ok(false)));
  check('assert(0)', (w) => run(() => pick(w)(0)));
  check('assert(null, undefined)', (w) => run(() => pick(w)(null, undefined)));
  check('ok()', (w) => run(() => pick(w).ok()));
  check('ok(false, msg)', (w) => run(() => pick(w).ok(false, 'my message')));
  check('ok(false, Error)', (w) => run(() => pick(w).ok(false, new RangeError('re'))));
  check('multiline ok', (w) => run(() => { const x = 0; pick(w).ok(x === 1 &&
      true); }));
  check('strict(0)', (w) => run(() => (w === 'ours' ? ourStrict : nodeAssert.strict)(0)));

  // fail / ifError
  check('fail()', (w) => run(() => pick(w).fail()));
  check('fail(msg)', (w) => run(() => pick(w).fail('boom')));
  check('fail(Error)', (w) => run(() => pick(w).fail(new TypeError('t'))));
  for (const v of [null, undefined]) check(`ifError(${v})`, (w) => run(() => pick(w).ifError(v)));
  for (const v of [new Error('e'), new TypeError(''), 'str', 0, { message: 'obj' }, false]) {
    check(`ifError(${util.inspect(v).split('\n')[0]})`, (w) => run(() => pick(w).ifError(v)));
  }

  // match
  const matchCases = [['abc', /b/], ['abc', /x/], [5, /5/], ['abc', 'b'], ['long input string here', /nomatch/g]];
  for (const [s, r] of matchCases) {
    check(`match(${util.inspect(s)}, ${util.inspect(r)})`, (w) => run(() => pick(w).match(s, r)));
    check(`doesNotMatch(${util.inspect(s)}, ${util.inspect(r)})`, (w) => run(() => pick(w).doesNotMatch(s, r)));
  }

  // throws / doesNotThrow
  const thrower = (e) => () => { throw e; };
  const throwsCases = [
    ['no throw', () => {}, []],
    ['no throw, Error class', () => {}, [TypeError]],
    ['no throw, msg', () => {}, ['expected msg']],
    ['class match', thrower(new TypeError('t')), [TypeError]],
    ['class mismatch', thrower(new TypeError('t')), [RangeError]],
    ['class same name', thrower(new (class TypeError extends Error {})('x')), [TypeError]],
    ['non-error thrown vs class', thrower('str'), [TypeError]],
    ['regexp match', thrower(new Error('hello')), [/hell/]],
    ['regexp mismatch', thrower(new Error('hello')), [/bye/]],
    ['object match', thrower(Object.assign(new Error('m'), { code: 'X' })), [{ code: 'X', message: 'm' }]],
    ['object mismatch', thrower(Object.assign(new Error('m'), { code: 'X' })), [{ code: 'Y', message: 'm' }]],
    ['object regexp props', thrower(new Error('hello')), [{ message: /hel/, name: 'Error' }]],
    ['error instance', thrower(new Error('a')), [new Error('b')]],
    ['empty object', thrower(new Error('a')), [{}]],
    ['validation fn true', thrower(new Error('a')), [(e) => e instanceof Error]],
    ['validation fn false', thrower(new Error('a')), [function check() { return false; }]],
    ['validation fn anon', thrower(new Error('a')), [() => 5]],
    ['string as message', thrower(new Error('a')), ['the message']],
    ['ambiguous', thrower(new Error('same')), ['same']],
    ['bad error arg', thrower(new Error('a')), [5]],
    ['primitive thrown vs object', thrower(5), [{ a: 1 }]],
  ];
  for (const [name, fn, args] of throwsCases) {
    check(`throws: ${name}`, (w) => run(() => pick(w).throws(fn, ...args)));
    check(`doesNotThrow: ${name}`, (w) => run(() => pick(w).doesNotThrow(fn, ...args)));
  }
  check('throws(non-fn)', (w) => run(() => pick(w).throws(5)));
  check('throws 3 args string', (w) => run(() => pick(w).throws(thrower(new Error('x')), 'a', 'b')));

  // rejects / doesNotReject
  const results = {};
  const rejectCases = [
    ['resolves', () => Promise.resolve(1), []],
    ['rejects any', () => Promise.reject(new Error('r')), []],
    ['rejects class', () => Promise.reject(new TypeError('r')), [TypeError]],
    ['rejects wrong class', () => Promise.reject(new TypeError('r')), [RangeError]],
    ['promise directly', Promise.reject(new Error('p')), [/p/]],
    ['not a promise', () => 5, []],
    ['bad arg', 5, []],
    ['resolves with msg', () => Promise.resolve(), ['want rejection']],
  ];
  for (const [, fn] of rejectCases) if (fn && typeof fn.catch === 'function') fn.catch(() => {});
  for (const [name, fn, args] of rejectCases) {
    for (const w of ['ours', 'node']) {
      for (const method of ['rejects', 'doesNotReject']) {
        let out;
        try { await pick(w)[method](fn, ...args); out = 'no throw'; } catch (e) { out = describe(e); }
        results[`${method} ${name} ${w}`] = out;
      }
    }
    for (const method of ['rejects', 'doesNotReject']) check(`${method}: ${name}`, (w) => results[`${method} ${name} ${w}`]);
  }

  // AssertionError itself
  check('new AssertionError', (w) => describe(new (pick(w).AssertionError)({ actual: 1, expected: 2, operator: 'strictEqual' })));
  check('new AssertionError msg', (w) => describe(new (pick(w).AssertionError)({ message: 'm', actual: 1 })));
  check('new AssertionError bad', (w) => run(() => new (pick(w).AssertionError)(5)));
  check('inspect AssertionError', (w) => {
    let e; try { pick(w).strictEqual('a'.repeat(10), 'b'); } catch (er) { e = er; }
    return util.inspect(e).split('\n').filter((l) => !l.includes('    at ')).join('\n');
  });
  check('assert keys', (w) => Object.keys(pick(w)).filter((k) => k !== 'CallTracker').join());
  check('strict keys', (w) => Object.keys(w === 'ours' ? ourStrict : nodeAssert.strict).filter((k) => k !== 'CallTracker').join());
  check('strict identity', (w) => { const a = pick(w); return [a.strict.strict === a.strict, a.strict.equal === a.strictEqual, (w === 'ours' ? ourStrict : require('node:assert/strict')) === a.strict]; });
};
