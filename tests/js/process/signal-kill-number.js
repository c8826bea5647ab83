// kill with a signal number; listeners registered by name.
process.on('SIGUSR1', (name, num) => { console.log(name, num); });
process.kill(process.pid, 10);
setTimeout(() => process.removeAllListeners('SIGUSR1'), 20);
