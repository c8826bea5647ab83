// structuredClone of larger graphs: deep nesting and many entries.
let deep = { leaf: true };
for (let i = 0; i < 500; i++) deep = { next: deep, i };
let c = structuredClone(deep);
let depth = 0;
while (c.next) { c = c.next; depth++; }
console.log('depth', depth, c.leaf);
const many = new Map();
for (let i = 0; i < 10000; i++) many.set(`k${i}`, { i, sq: i * i });
const mc = structuredClone(many);
console.log(mc.size, mc.get('k9999').sq, mc.get('k0') !== many.get('k0'));
const arr = Array.from({ length: 100000 }, (_, i) => i);
const ac = structuredClone(arr);
console.log(ac.length, ac[99999], ac.reduce((a, b) => a + b, 0));
const bytes = new Uint8Array(1 << 20).fill(7);
const bc = structuredClone(bytes);
console.log(bc.length, bc[12345], bc.buffer !== bytes.buffer);
