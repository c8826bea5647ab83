// resourceUsage() fields, all numbers.
const r = process.resourceUsage();
console.log(Object.keys(r));
console.log(Object.values(r).every(v => typeof v === 'number'));
console.log(r.maxRSS > 1000, r.userCPUTime >= 0);
