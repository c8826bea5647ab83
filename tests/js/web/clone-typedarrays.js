// structuredClone: every typed array kind and DataView keeps its kind,
// offset, length and contents.
const kinds = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
  Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array];
for (const K of kinds) {
  const big = K === BigInt64Array || K === BigUint64Array;
  const buf = new ArrayBuffer(64);
  const v = new K(buf, 8, 3);
  for (let i = 0; i < 3; i++) v[i] = big ? BigInt(i + 1) * 3n : (i + 1) * 3.5;
  const c = structuredClone(v);
  console.log(K.name, c.constructor === K, c.byteOffset, c.length, c.buffer.byteLength, Array.from(c).join(','));
}
const dv = new DataView(new ArrayBuffer(16), 4, 8);
dv.setFloat64(0, Math.PI);
const dc = structuredClone(dv);
console.log(dc instanceof DataView, dc.byteOffset, dc.byteLength, dc.getFloat64(0) === Math.PI);
const empty = structuredClone(new DataView(new ArrayBuffer(0)));
console.log(empty.byteLength);
