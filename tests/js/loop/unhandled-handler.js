// 'unhandledRejection' gets the reason and the promise; the process
// keeps running and exits 0.
process.on('unhandledRejection', (reason, p) => {
  console.log('unhandled', reason instanceof Error ? reason.message : reason, p instanceof Promise);
});
Promise.reject(new Error('e1'));
Promise.reject(42);
new Promise((_, rej) => setTimeout(() => rej('later'), 1));
setTimeout(() => console.log('still running'), 5);
