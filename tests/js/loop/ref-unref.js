// unref'd timers do not keep the loop alive; hasRef reports the state;
// ref/unref return the timer itself.
const t = setTimeout(() => console.log('never: unref'), 1000);
console.log(t.hasRef(), t.unref() === t, t.hasRef());
const i = setInterval(() => console.log('never: interval'), 1000);
i.unref();
const k = setTimeout(() => console.log('kept: re-ref'), 300);
k.unref();
console.log(k.ref() === k, k.hasRef());
const im = setImmediate(() => console.log('immediate ran'));
console.log(im.hasRef(), im.unref() === im, im.hasRef(), im.ref() === im);
const u = setImmediate(() => console.log('unref immediate still runs when loop has work'));
u.unref();
process.on('exit', () => console.log('exit'));
