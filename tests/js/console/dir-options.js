// console.dir takes util.inspect options.
const deep = { l1: { l2: { l3: { l4: { l5: 1 } } } }, arr: [1, 2, 3] };
console.dir(deep);
console.dir(deep, { depth: 0 });
console.dir(deep, { depth: null });
console.dir(deep, { compact: false, depth: 1 });
console.dir('a string');
console.dir([1, 'b'], { colors: false });
const hidden = [1, 2];
console.dir(hidden, { showHidden: true });
console.dir({ [Symbol('k')]: 1, s: 'x' });
console.dir(new Map([['k', { v: 1 }]]), { depth: 0 });
console.dirxml({ a: 1 }, [2]);
