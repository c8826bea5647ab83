// kill(pid, 0) checks existence; errors carry codes; validation.
console.log(process.kill(process.pid, 0));
try { process.kill(2 ** 22 + 12345, 0); } catch (e) { console.log(e.code, e.syscall, e.errno, e.message); }
for (const bad of ['x', {}, NaN]) {
  try { process.kill(bad); } catch (e) { console.log(e.code, e.message); }
}
try { process.kill(process.pid, 'SIGNOPE'); } catch (e) { console.log(e.code, e.message); }
try { process.kill(process.pid, 9999); } catch (e) { console.log(e.code, e.message); }
