// The global object: what Node defines there, and how.
const names = ['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout',
  'clearInterval', 'clearImmediate', 'queueMicrotask', 'console', 'process',
  'global', 'globalThis'];
for (const n of names) {
  const d = Object.getOwnPropertyDescriptor(globalThis, n);
  console.log(n, typeof globalThis[n], d ? [d.writable !== false, d.enumerable, d.configurable].join(',') : 'absent');
}
console.log(global === globalThis, typeof require, typeof module, typeof exports, typeof __filename);
setTimeout = 5;
console.log(setTimeout);
