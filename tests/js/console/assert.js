// console.assert prints to stderr only when falsy and never throws.
console.assert(true, 'never printed');
console.assert(false, 'printed to stderr %s', 'formatted');
console.assert(0);
console.assert();
console.log('still running');
