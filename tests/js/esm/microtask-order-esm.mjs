import './fixtures/side-effect.mjs';
const log = [];
queueMicrotask(() => log.push('microtask'));
process.nextTick(() => log.push('tick'));
Promise.resolve().then(() => log.push('then'));
await null;
log.push('after await');
await new Promise((r) => setTimeout(r, 1));
console.log(log.join(' > '));
