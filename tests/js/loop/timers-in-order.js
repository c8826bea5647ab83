// Timers fire by due time, and equal due times in creation order.
const out = [];
setTimeout(() => out.push('30'), 30);
setTimeout(() => out.push('1a'), 1);
setTimeout(() => out.push('10'), 10);
setTimeout(() => out.push('1b'), 1);
setTimeout(() => out.push('0 is 1'), 0);
setTimeout(() => out.push('1c'), 1);
setTimeout(() => { out.push('40'); console.log(out.join(' ')); }, 40);
