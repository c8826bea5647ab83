// The process object: identities, env, cwd, clocks, nextTick arguments.
const path = require('path');
console.log(process.platform, typeof process.pid, typeof process.ppid,
  process.pid > 0, process.title.length > 0);
console.log(typeof process.version, process.version.startsWith('v'),
  typeof process.versions.node, typeof process.arch);
console.log(path.isAbsolute(process.execPath), process.argv.length,
  path.basename(process.argv[1]));
process.env.NODEC_TEST_VAR = 42;
console.log(typeof process.env.NODEC_TEST_VAR, process.env.NODEC_TEST_VAR);
delete process.env.NODEC_TEST_VAR;
console.log(process.env.NODEC_TEST_VAR, 'NODEC_TEST_VAR' in process.env);
process.env.X_UNDEF = undefined;
console.log(process.env.X_UNDEF === 'undefined');
const start = process.cwd();
process.chdir('fixtures');
console.log(path.relative(start, process.cwd()));
process.chdir(start);
try {
  process.chdir('/nonexistent-dir');
} catch (e) {
  console.log(e.code, e.syscall);
}
const t = process.hrtime();
console.log(Array.isArray(t), t.length, typeof process.hrtime.bigint());
const d = process.hrtime(t);
console.log(d[0] >= 0, d[1] >= 0);
console.log(typeof process.uptime(), process.uptime() >= 0);
const mu = process.memoryUsage();
console.log(Object.keys(mu).join(','), mu.rss > 0);
const cu = process.cpuUsage();
console.log(typeof cu.user, typeof cu.system);
process.nextTick((a, b, c) => console.log('tick args', a, b, c), 1, 'two', [3]);
console.log(typeof process.umask(), process.kill(process.pid, 0));
console.log(Object.prototype.toString.call(process));
