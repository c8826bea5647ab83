// beforeExit receives process.exitCode; it does not fire on process.exit.
process.exitCode = 5;
process.on('beforeExit', (code) => {
  console.log('beforeExit', code);
  process.exitCode = 6;
});
process.on('exit', (code) => {
  console.log('exit', code);
  setTimeout(() => console.log('never: no loop after exit'), 0);
  process.nextTick(() => console.log('never: tick after exit'));
});
