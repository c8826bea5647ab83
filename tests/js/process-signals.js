// Signal events: a listener receives the signal; removing the last
// listener lets the loop end.
let n = 0;
function onUsr2(sig, num) {
  console.log('got', sig, num, ++n);
  if (n === 1) {
    setTimeout(() => process.kill(process.pid, 'SIGUSR2'), 10);
  } else {
    process.removeListener('SIGUSR2', onUsr2);
    console.log('listeners', process.listenerCount('SIGUSR2'));
    setTimeout(() => console.log('done'), 5);
  }
}
process.on('SIGUSR2', onUsr2);
process.kill(process.pid, 'SIGUSR2');
// Nothing else keeps the loop alive while the first signal is on its way.
setTimeout(() => {}, 50);
