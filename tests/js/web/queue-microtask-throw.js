// queueMicrotask: a throwing callback goes to 'uncaughtException'.
process.on('uncaughtException', (e, origin) => console.log('caught', e.message, origin));
queueMicrotask(() => { throw new Error('in microtask'); });
queueMicrotask(() => console.log('next microtask still runs'));
setTimeout(() => console.log('timer'), 1);
