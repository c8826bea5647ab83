// util.inspect options and util's other helpers.
const util = require('util');
const nested = { a: { b: { c: { d: { e: 1 } } } }, list: [1, [2, [3, [4]]]] };
console.log(util.inspect(nested, { depth: 0 }));
console.log(util.inspect(nested, { depth: Infinity }));
console.log(util.inspect({ b: 2, a: 1, c: 3 }, { sorted: true }));
console.log(util.inspect('x'.repeat(30), { maxStringLength: 10 }));
console.log(util.inspect(Array.from({ length: 10 }, (_, i) => i), { maxArrayLength: 3 }));
console.log(util.inspect({ a: 1, b: { c: 2 } }, { compact: false }));
console.log(util.inspect({ a: 1, b: 'x' }, { breakLength: 3 }));
console.log(util.inspect(123456789.123, { numericSeparator: true }));
class Temp { [util.inspect.custom](depth, opts) { return `Temp<${opts.stylize('42', 'number')}>`; } }
console.log(util.inspect(new Temp()), [new Temp()]);
console.log(util.format('%s:%s', 'a'), util.format('%d', '0x10'), util.format('%i', 3.9), util.format(1, 2));
console.log(util.isDeepStrictEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }), util.isDeepStrictEqual([1], ['1']));
console.log(util.types.isPromise(Promise.resolve()), util.types.isRegExp(/x/), util.types.isDate(new Date()));
console.log(util.types.isAsyncFunction(async () => {}), util.types.isGeneratorFunction(function* g() {}));
console.log(util.stripVTControlCharacters('\u001b[31mred\u001b[39m'));
function Old() {}
function Base() {}
Base.prototype.hello = function () { return 'hello from base'; };
util.inherits(Old, Base);
console.log(new Old().hello(), Old.super_ === Base);
const { values, positionals } = util.parseArgs({
  args: ['-f', '--bar', 'b', 'pos'],
  options: { foo: { type: 'boolean', short: 'f' }, bar: { type: 'string' } },
  allowPositionals: true,
});
console.log(values, positionals);
const dep = util.deprecate(() => 'dep result', 'this is deprecated', 'DEP0999');
console.log(dep(), dep());
console.log(util.inspect(new Map([[1, { a: [1, 2, { b: 3 }] }]]), { depth: 1 }));
console.log(util.inspect(Object.assign(new Error('with props'), { code: 'E_X' })).split('\n')[0]);
