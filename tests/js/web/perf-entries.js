// getEntries / getEntriesByName / getEntriesByType, clearMarks, clearMeasures.
const names = (list) => list.map((e) => `${e.name}:${e.entryType}`).join(' ');
performance.mark('m3', { startTime: 30 });
performance.mark('m1', { startTime: 10 });
performance.mark('m2', { startTime: 20 });
performance.measure('x', { start: 15, end: 40 });
performance.measure('y', { start: 5, end: 6 });
performance.mark('m1', { startTime: 50 });
console.log(names(performance.getEntries()));
console.log(names(performance.getEntriesByType('mark')));
console.log(names(performance.getEntriesByType('measure')));
console.log(names(performance.getEntriesByType('function')), names(performance.getEntriesByType('bogus')));
console.log(names(performance.getEntriesByName('m1')));
console.log(names(performance.getEntriesByName('m1', 'measure')), names(performance.getEntriesByName('x', 'measure')));
console.log(performance.getEntries() !== performance.getEntries());
console.log(performance.measure('latest-m1', 'm1').startTime);
performance.clearMarks('m1');
console.log(names(performance.getEntriesByType('mark')));
const t = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, e.name, e.code, e.message); }
};
t('cleared mark', () => performance.measure('z', 'm1'));
performance.clearMeasures('x');
console.log(names(performance.getEntriesByType('measure')));
performance.clearMeasures();
performance.clearMarks();
console.log(performance.getEntries().length);
t('byName no args', () => performance.getEntriesByName());
t('byType no args', () => performance.getEntriesByType());
