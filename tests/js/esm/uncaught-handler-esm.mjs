process.on('uncaughtException', (e, origin) => console.log('handled', e.message));
setTimeout(() => { throw new Error('async boom'); }, 1);
setTimeout(() => console.log('still running'), 5);
