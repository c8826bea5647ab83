// hrtime: [sec, ns] pairs, differences, bigint, argument checks.
const t = process.hrtime();
console.log(Array.isArray(t), t.length, Number.isInteger(t[0]), Number.isInteger(t[1]), t[1] < 1e9);
const d = process.hrtime(t);
console.log(d[0] >= 0, d[1] >= 0, d[0] < 5);
const b = process.hrtime.bigint();
console.log(typeof b, process.hrtime.bigint() >= b);
for (const bad of [1, 'x', [1], [1, 2, 3], {}]) {
  try { process.hrtime(bad); console.log('ok', bad); } catch (e) { console.log(e.code, e.message); }
}
const t1 = process.hrtime.bigint();
let x = 0; for (let i = 0; i < 1e5; i++) x += i;
console.log('monotonic', process.hrtime.bigint() - t1 > 0n);
