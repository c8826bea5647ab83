// Interval objects: hasRef, refresh, clear from another timer, _repeat.
let n = 0;
const iv = setInterval(() => { n++; }, 5);
console.log(iv.hasRef(), iv._repeat);
setTimeout(() => { clearInterval(iv); console.log('cleared after some ticks', n > 0); console.log(iv._destroyed); }, 60);
