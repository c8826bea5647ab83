// Adding and removing signal listeners; once listeners; events list.
const h = () => {};
process.on('SIGUSR2', h);
process.on('SIGUSR2', h);
console.log(process.listenerCount('SIGUSR2'));
process.removeAllListeners('SIGUSR2');
console.log(process.listenerCount('SIGUSR2'), process.eventNames().includes('SIGUSR2'));
process.once('SIGHUP', (s) => console.log('once', s));
process.kill(process.pid, 'SIGHUP');
setTimeout(() => console.log('after', process.listenerCount('SIGHUP')), 30);
