// Signal events: a listener receives the signal; removing the last
// listener lets the loop end.
let n = 0;
function onUsr2(sig, num) {
  console.log('got', sig, num, ++n);
  if (n === 2) {
    process.removeListener('SIGUSR2', onUsr2);
    console.log('listeners', process.listenerCount('SIGUSR2'));
  }
}
process.on('SIGUSR2', onUsr2);
process.kill(process.pid, 'SIGUSR2');
setTimeout(() => process.kill(process.pid, 'SIGUSR2'), 10);
setTimeout(() => console.log('done'), 30);
