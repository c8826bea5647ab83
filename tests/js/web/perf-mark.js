// performance.mark: entries, options, detail cloning.
const util = require('util');
const clean = (v) => util.inspect(v).replace(/startTime: [\d.e+-]+/g, 'startTime: T');
const m = performance.mark('a');
console.log(clean(m));
console.log(m.name, m.entryType, m.duration, m.detail, typeof m.startTime, m.startTime <= performance.now());
console.log(m instanceof PerformanceMark, m instanceof PerformanceEntry);
const detail = { x: [1, 2] };
const b = performance.mark('b', { detail, startTime: 5 });
console.log(clean(b), b.detail !== detail, b.detail.x !== detail.x);
console.log(JSON.stringify(b.toJSON()), JSON.stringify(b));
const own = new PerformanceMark('own', { startTime: 4, detail: 'd' });
console.log(clean(own), performance.getEntriesByName('own').length);
console.log(clean(performance.mark('zero', { startTime: 0 })));
console.log(clean(performance.mark(42)));
const t = (label, f) => {
  try { console.log(label, clean(f())); } catch (e) { console.log(label, e.name, e.code, e.message); }
};
t('no name', () => performance.mark());
t('negative', () => performance.mark('c', { startTime: -1 }));
t('options number', () => performance.mark('c', 5));
t('uncloneable detail', () => performance.mark('c', { detail: () => {} }));
t('ctor no name', () => new PerformanceMark());
