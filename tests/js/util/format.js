// util.format and formatWithOptions.
const util = require('util');
console.log(util.format('%s:%d:%i:%f:%j:%o:%O:%%', 'a', 1.5, 2.7, '3.5', { j: 1 }, [1], { O: 1 }));
console.log(util.format(1, 2, '3'));
console.log(util.format('%s', () => 1), util.format('%s', class A {}));
console.log(util.format('%d', '0x10'), util.format('%i', 'abc'), util.format('%f', '1e3'));
console.log(util.format('a', { b: 1 }, ['c']));
console.log(util.formatWithOptions({ colors: false, depth: 0 }, '%O', { a: { b: 1 } }));
console.log(util.format('%s', -0), util.format('%d', -0), util.format(-0));
console.log(JSON.stringify(util.format()), util.format('%'), util.format('%s'));
console.log(util.format('%s', { toString() { return 'custom toString'; } }));
console.log(util.format('%s', Object.create(null)));
