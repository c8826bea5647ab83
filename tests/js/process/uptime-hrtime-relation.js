// uptime grows; hrtime differences are non-negative and consistent.
const u1 = process.uptime();
const t1 = process.hrtime.bigint();
setTimeout(() => {
  const dt = Number(process.hrtime.bigint() - t1) / 1e6;
  const du = (process.uptime() - u1) * 1000;
  console.log(dt >= 9, du >= 9, Math.abs(dt - du) < 50);
  const [s, ns] = process.hrtime([0, 0]);
  console.log(s >= 0, ns >= 0);
}, 10);
