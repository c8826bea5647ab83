// onabort: the handler attribute keeps the listener position of its first
// assignment; reassigning swaps the function, null disables it.
const ac = new AbortController();
const s = ac.signal;
const order = [];
s.addEventListener('abort', () => order.push('listener 1'));
s.onabort = () => order.push('first handler');
s.addEventListener('abort', () => order.push('listener 2'));
s.onabort = function () { order.push(`second handler, this is signal: ${this === s}`); };
console.log(typeof s.onabort, s.onabort.name);
ac.abort();
console.log(order.join(' | '));
const ac2 = new AbortController();
ac2.signal.onabort = () => console.log('never');
ac2.signal.onabort = null;
console.log('cleared', ac2.signal.onabort);
ac2.abort();
const ac3 = new AbortController();
ac3.signal.onabort = 5;
console.log('non-function kept', ac3.signal.onabort);
ac3.abort();
console.log('no throw for a non-function handler');
const d = Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'onabort');
console.log(typeof d.get, typeof d.set, d.enumerable, d.configurable);
