// chdir changes cwd; errors carry Node's code and message.
const path = require('path');
const start = process.cwd();
process.chdir('..');
console.log(path.relative(start, process.cwd()));
process.chdir(start);
console.log(process.cwd() === start);
try { process.chdir('/no/such/dir/nodec'); } catch (e) { console.log(e.code, e.syscall, e.errno, e.path, e.dest, e.message); }
try { process.chdir(__filename); } catch (e) { console.log(e.code, e.message.replace(__filename, 'FILE').replace(start, 'CWD')); }
try { process.chdir(5); } catch (e) { console.log(e.code, e.message); }
process.chdir('/');
console.log(process.cwd());
