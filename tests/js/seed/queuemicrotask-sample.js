// The seed: queueMicrotask uses the promise queue, after nextTick.
queueMicrotask(() => console.log('microtask'));
Promise.resolve().then(() => console.log('promise'));
process.nextTick(() => console.log('nextTick'));
console.log('sync');
