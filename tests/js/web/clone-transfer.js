// structuredClone with { transfer }: the source buffer is detached.
const ab = new ArrayBuffer(8);
new Uint8Array(ab)[0] = 42;
const c = structuredClone(ab, { transfer: [ab] });
console.log(ab.byteLength, c.byteLength, new Uint8Array(c)[0]);
const ab2 = new ArrayBuffer(8);
const view = new Uint8Array(ab2, 2, 4);
const vc = structuredClone(view, { transfer: [ab2] });
console.log(ab2.byteLength, view.length, vc.length, vc.byteOffset, vc.buffer.byteLength);
const ab3 = new ArrayBuffer(4);
structuredClone(1, { transfer: [ab3] });
console.log('transferred though not referenced', ab3.byteLength);
const ab4 = new ArrayBuffer(4);
const obj = structuredClone({ a: ab4, b: new Uint8Array(ab4) }, { transfer: [ab4] });
console.log(obj.b.buffer === obj.a, ab4.byteLength);
const ab5 = new ArrayBuffer(8);
try { structuredClone({ a: ab5, f() {} }, { transfer: [ab5] }); } catch (e) { console.log(e.name, e.message); }
console.log('failed clone leaves the buffer', ab5.byteLength);
const ab6 = new ArrayBuffer(2);
console.log(structuredClone(ab6, { transfer: new Set([ab6]) }).byteLength, ab6.byteLength);
const ab7 = new ArrayBuffer(2);
structuredClone(ab7, { transfer: [] });
console.log('empty transfer list', ab7.byteLength);
