// structuredClone: shared boxed values, dates and buffers stay shared.
const n = new Number(5);
const c = structuredClone([n, n, new Number(5)]);
console.log(c[0] === c[1], c[0] !== c[2], c[0] == 5);
const ab = new ArrayBuffer(4);
const c2 = structuredClone({ x: ab, y: ab, z: new Uint8Array(ab) });
console.log(c2.x === c2.y, c2.z.buffer === c2.x);
const re = /x/g;
const c3 = structuredClone([re, re]);
console.log(c3[0] === c3[1]);
const m = new Map();
const c4 = structuredClone({ a: m, b: [m] });
console.log(c4.a === c4.b[0]);
