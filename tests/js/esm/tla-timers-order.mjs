console.log('start');
setTimeout(() => console.log('timeout'), 0);
process.nextTick(() => console.log('tick'));
Promise.resolve().then(() => console.log('microtask'));
await null;
console.log('after await');
await new Promise((r) => setTimeout(r, 5));
console.log('after a later timer');
