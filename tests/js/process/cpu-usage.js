// cpuUsage() in microseconds and as a difference; validation.
const u = process.cpuUsage();
console.log(Object.keys(u), Number.isInteger(u.user), Number.isInteger(u.system));
let x = 0; for (let i = 0; i < 2e6; i++) x += i;
const d = process.cpuUsage(u);
console.log(d.user >= 0, d.system >= 0);
for (const bad of [1, { user: 1 }, { user: 'a', system: 1 }, { user: -1, system: 0 }]) {
  try { process.cpuUsage(bad); console.log('accepted'); } catch (e) { console.log(e.code, e.message); }
}
