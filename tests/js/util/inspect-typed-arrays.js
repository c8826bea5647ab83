// Typed arrays, buffers, shared memory and DataView.
const { inspect } = require('util');
console.log(inspect(new Uint8Array(3)), inspect(new Int16Array([-1, 2])), inspect(new BigUint64Array([1n])));
console.log(inspect(new Uint8Array(200)).split('\n').length, inspect(new Float64Array([1.5, -0])));
console.log(inspect(new ArrayBuffer(4)), inspect(new Uint8Array([1, 2, 3]).subarray(1)));
console.log(inspect(new Uint8Array(2), { showHidden: true }));
console.log(inspect(new DataView(new ArrayBuffer(2), 1)));
