'use strict';
const e = new TextEncoder();
for (const [src, n] of [['', 4], ['abc', 0], ['€', 2], ['€', 3], ['a😀b', 4], ['a😀b', 5], ['\ud83d', 2], ['\ud83d', 3], ['\ude00\ud83d', 6]]) {
  const u = new Uint8Array(n);
  const r = e.encodeInto(src, u);
  console.log(JSON.stringify(src), n, r.read, r.written, Buffer.from(u).toString('hex'));
}
const big = new Uint8Array(10);
console.log(e.encodeInto('hello', big.subarray(3)), big);
console.log(e.encode('x'.repeat(10000)).length, e.encode('€'.repeat(3000)).length);
