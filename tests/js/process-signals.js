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
    setTimeout(() => { console.log('done'); clearInterval(keepAlive); }, 5);
  }
}
process.on('SIGUSR2', onUsr2);
process.kill(process.pid, 'SIGUSR2');
// Something must keep the loop alive while a signal is on its way: until
// the end, however late the signals arrive on a loaded machine.
const keepAlive = setInterval(() => {}, 1000);
