'use strict';
const b = Buffer.alloc(7);
console.log(b.write('abcd', 'ucs2'), b);
console.log(b.fill(0).write('abcd', 1, 'ucs2'), b);
console.log(b.fill(0).write('😀x', 0, 3, 'utf16le'), b);
console.log(b.fill(0).write('ab', 6, 'ucs2'), b);
console.log(b.fill(0).latin1Write('ĀāĂ', 0), b);
console.log(b.fill(0).write('ÿé', 'ascii'), b);
