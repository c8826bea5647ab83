// The seed: recursive nextTick delays everything else until it stops.
let n = 0;
setTimeout(() => console.log('timer after', n, 'ticks'), 0);
function spin() { if (++n < 10000) process.nextTick(spin); }
process.nextTick(spin);
let p = 0;
function pspin() { if (++p < 10000) Promise.resolve().then(pspin); else console.log('promise recursion done', p); }
pspin();
