// PerformanceObserver: type + buffered, several observers, disconnect.
const { PerformanceObserver } = require('perf_hooks');
performance.mark('early1', { startTime: 2 });
performance.mark('early2', { startTime: 1 });
performance.measure('early-measure', { start: 0, end: 1 });
const buffered = new PerformanceObserver((list) => {
  console.log('buffered', list.getEntries().map((e) => e.name));
  buffered.disconnect();
});
buffered.observe({ type: 'mark', buffered: true });
const unbuffered = new PerformanceObserver((list) => {
  console.log('unbuffered', list.getEntries().map((e) => e.name));
  unbuffered.disconnect();
});
unbuffered.observe({ type: 'mark' });
const measures = new PerformanceObserver((list) => {
  console.log('measures', list.getEntries().map((e) => e.name));
  measures.disconnect();
});
measures.observe({ type: 'measure' });
const gone = new PerformanceObserver(() => console.log('never: disconnected'));
gone.observe({ entryTypes: ['mark'] });
gone.disconnect();
const unsupported = new PerformanceObserver(() => console.log('never: unsupported'));
unsupported.observe({ type: 'bogus' });
performance.mark('late');
performance.measure('late-measure', { start: 1, end: 2 });
