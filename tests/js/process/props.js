// Static process properties and their types.
const path = require('path');
console.log(process.platform, process.arch, process.version, typeof process.versions.node);
console.log(process.versions.node === process.version.slice(1));
console.log(process.release.name, typeof process.release);
console.log(Number.isInteger(process.pid), Number.isInteger(process.ppid), process.pid !== process.ppid);
console.log(path.isAbsolute(process.execPath), typeof process.title, process.argv0.length > 0);
console.log(Array.isArray(process.execArgv), process.execArgv.length);
console.log(typeof process.uptime(), process.uptime() >= 0, process.uptime() < 60);
console.log(typeof process.config, typeof process.features, typeof process.exit);
console.log(String(process), Object.prototype.toString.call(process));
console.log(process instanceof require('events'), typeof process.on, process.listenerCount('nothing'));
