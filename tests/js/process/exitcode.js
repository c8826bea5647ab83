// process.exitCode becomes the exit code; it is validated.
for (const v of ['abc', 1.5, {}, true]) {
  try { process.exitCode = v; console.log('accepted', v); } catch (e) { console.log(e.code, e.message); }
}
process.exitCode = '3';
console.log(process.exitCode, typeof process.exitCode);
process.exitCode = 5;
process.exitCode = undefined;
console.log(process.exitCode);
process.exitCode = 4;
process.on('exit', (c) => console.log('exit', c, process.exitCode));
