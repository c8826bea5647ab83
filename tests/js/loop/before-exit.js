// 'beforeExit' fires when the loop empties; scheduling work there
// continues the loop and fires it again; process.exit in it ends it.
let n = 0;
process.on('beforeExit', (code) => {
  n++;
  console.log('beforeExit', n, code);
  if (n < 3) setTimeout(() => console.log('timer from beforeExit', n), 1);
});
process.on('exit', (code) => console.log('exit', code, n));
console.log('main');
