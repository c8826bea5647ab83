// process.exit(code) validates like exitCode; exit() uses exitCode.
try { process.exit('nope'); } catch (e) { console.log(e.code, e.message); }
try { process.exit(2.5); } catch (e) { console.log(e.code, e.message); }
process.exitCode = 6;
process.on('exit', (c) => console.log('exit', c));
console.log('exiting');
process.exit();
