// count with objects stringifies the label.
console.count({});
console.count({});
console.count([1, 2]);
console.count(Symbol.iterator.description);
console.countReset({});
console.count('[object Object]');
