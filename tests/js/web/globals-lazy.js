// The lazily loaded web globals before anything touches them.
for (const n of ['DOMException', 'AbortController', 'AbortSignal', 'PerformanceEntry',
  'PerformanceMark', 'PerformanceObserver', 'performance']) {
  const d = Object.getOwnPropertyDescriptor(globalThis, n);
  console.log(n, typeof d.get, typeof d.set, d.get.name, d.enumerable, d.configurable);
}
DOMException = 'replaced before use';
console.log(DOMException, Object.getOwnPropertyDescriptor(globalThis, 'DOMException').writable);
performance = 1;
const d = Object.getOwnPropertyDescriptor(globalThis, 'performance');
console.log(typeof d.get, typeof d.set);
