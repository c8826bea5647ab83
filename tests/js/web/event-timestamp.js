// Event.timeStamp: performance.now() at construction, monotonic.
const before = performance.now();
const a = new Event('a');
const b = new Event('b');
const after = performance.now();
console.log(a.timeStamp >= before, b.timeStamp >= a.timeStamp, after >= b.timeStamp);
const c = new CustomEvent('c');
console.log(c.timeStamp >= b.timeStamp);
const ev = new Event('x');
const ts = ev.timeStamp;
setTimeout(() => console.log('unchanged later', ev.timeStamp === ts, new Event('y').timeStamp > ts), 5);
