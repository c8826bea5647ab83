// memoryUsage() shape; rss() is a number.
const m = process.memoryUsage();
console.log(Object.keys(m));
console.log(Object.values(m).every(v => typeof v === 'number' && v >= 0));
console.log(m.rss > 1e6, m.heapTotal >= m.heapUsed);
console.log(typeof process.memoryUsage.rss(), process.memoryUsage.rss() > 1e6);
