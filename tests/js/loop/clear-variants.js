// clear* accept null/undefined/garbage silently; cross clears work for
// timers (clearInterval on a timeout and vice versa), not immediates.
clearTimeout(); clearTimeout(null); clearTimeout({}); clearTimeout('x');
clearInterval(undefined); clearImmediate(null); clearImmediate();
const t = setTimeout(() => console.log('never t'), 1);
clearInterval(t);
const i = setInterval(() => console.log('never i'), 1);
clearTimeout(i);
const im = setImmediate(() => console.log('never im'));
clearImmediate(im);
const im2 = setImmediate(() => console.log('im2 runs'));
clearTimeout(im2);
setImmediate(() => console.log('done'));
