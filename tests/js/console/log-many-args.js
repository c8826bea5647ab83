// Mixed argument kinds and spacing.
console.log('a', 'b', 1, { x: [1, { y: 2 }] }, [null, undefined], 'end');
console.log({}, [], '', new Map(), new Set());
console.log('%s', 'x', 'extra', 'args', 3);
console.log(-0, [-0], { z: -0 });
console.log([['nested', ['deeper', ['deepest', ['too deep']]]]]);
console.log('tab\there', 'nl\nnl');
