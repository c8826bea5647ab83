// Marks sharing a name: all kept, measure uses the latest.
performance.mark('dup', { startTime: 1 });
performance.mark('dup', { startTime: 7 });
console.log(performance.getEntriesByName('dup').map((e) => e.startTime));
console.log(performance.measure('from dup', 'dup', 'dup').startTime);
const m = performance.measure('to', { start: 'dup', end: 10 });
console.log(m.startTime, m.duration);
performance.clearMarks('dup');
console.log(performance.getEntriesByName('dup').length);
performance.mark(Symbol.iterator.description);
console.log(performance.getEntriesByType('mark').map((e) => e.name));
