// performance.measure with nodeTiming milestones as mark names.
const m = performance.measure('since start', 'nodeStart');
console.log(m.startTime === performance.nodeTiming.nodeStart, m.duration > 0);
const m2 = performance.measure('x', { start: 'nodeStart', end: 5 });
console.log(m2.duration === 5 - performance.nodeTiming.nodeStart);
