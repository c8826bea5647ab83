// 'uncaughtExceptionMonitor' sees the error before the crash; with an
// 'uncaughtException' listener the process survives.
process.on('uncaughtExceptionMonitor', (e, origin) => console.log('monitor', e.message, origin));
process.on('uncaughtException', (e, origin) => console.log('handler', e.message, origin));
setTimeout(() => { throw new Error('t'); }, 1);
Promise.reject(new Error('rejected'));
