// A real signal reaches its listeners with the name and number; the
// handle does not keep the loop alive on its own once removed.
let count = 0;
function onSig(name, num) {
  count++;
  console.log('got', name, num, count);
  if (count === 2) {
    process.removeListener('SIGUSR2', onSig);
    console.log('listeners', process.listenerCount('SIGUSR2'));
  } else {
    process.kill(process.pid, 'SIGUSR2');
  }
}
process.on('SIGUSR2', onSig);
process.once('SIGUSR1', (n) => console.log('once', n));
process.kill(process.pid, 'SIGUSR2');
process.kill(process.pid, 'SIGUSR1');
process.on('exit', (c) => console.log('exit', c));
