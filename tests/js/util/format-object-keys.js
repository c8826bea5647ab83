const { inspect } = require('util');
console.log(inspect({ 'a-b': 1, a_b: 2, '1a': 3, 'ünï': 4, $: 5, '': 6, 'x y': 7, constructor: 8 }));
console.log(inspect({ __proto__: { inherited: 1 }, own: 2 }));
console.log(inspect(Object.assign(Object.create({ p: 1 }), { o: 1 }), { showHidden: true }));
