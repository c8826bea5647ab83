// With a listener, rejections are reported to it and the process lives.
process.on('unhandledRejection', (reason, p) => {
  console.log('unhandled:', reason instanceof Error ? reason.message : reason,
    p instanceof Promise);
});
Promise.reject(new Error('first'));
Promise.reject(42);
const late = Promise.reject(new Error('handled in time'));
late.catch(() => console.log('caught in time'));
setTimeout(() => console.log('done'), 5);
