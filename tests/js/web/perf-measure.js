// performance.measure: start/end marks, options and their errors.
const util = require('util');
const round = (e) => `${e.name} ${e.entryType} start=${e.startTime} duration=${e.duration} detail=${util.inspect(e.detail)}`;
performance.mark('a', { startTime: 10 });
performance.mark('b', { startTime: 25 });
console.log(round(performance.measure('a-b', 'a', 'b')));
console.log(round(performance.measure('b-a', 'b', 'a')));
console.log(round(performance.measure('opts', { start: 1, end: 3, detail: { d: 1 } })));
console.log(round(performance.measure('dur', { start: 2, duration: 5 })));
console.log(round(performance.measure('end-dur', { end: 20, duration: 5 })));
console.log(round(performance.measure('marks-in-opts', { start: 'a', end: 'b' })));
console.log(round(performance.measure('mixed', { start: 1, end: 'b' })));
const toNow = performance.measure('to-now', 'a');
console.log(toNow.startTime, toNow.duration > 0);
const all = performance.measure('all');
console.log(all.startTime, all.duration > 0, all.detail);
const onlyDetail = performance.measure('detail-only', { detail: 'x' });
console.log(onlyDetail.startTime, onlyDetail.detail);
const m = performance.measure('m');
console.log(m instanceof PerformanceMeasure, m instanceof PerformanceEntry, Object.prototype.toString.call(m));
const t = (label, f) => {
  try { console.log(label, round(f())); } catch (e) { console.log(label, e.name, e.code, e.message); }
};
t('unknown start', () => performance.measure('x', 'nope'));
t('unknown end', () => performance.measure('x', 'a', 'nope'));
t('unknown in options', () => performance.measure('x', { start: 'a', end: 'nope' }));
t('all three', () => performance.measure('x', { start: 1, end: 3, duration: 2 }));
t('endMark with options', () => performance.measure('x', { start: 1 }, 'b'));
t('negative start', () => performance.measure('x', { start: -1, end: 2 }));
t('no name', () => performance.measure());
t('ctor', () => new PerformanceMeasure());
