console.log(Symbol('a'), [Symbol('b')], { [Symbol('c')]: Symbol('d') });
console.log(10n, [10n], { n: -5n }, BigInt(2) ** 64n);
console.log('%d %i', 2n ** 65n, -3n);
