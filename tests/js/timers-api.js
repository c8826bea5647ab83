// Timeout objects: args, this, clearTimeout, intervals, refresh, unref.
const t = setTimeout((a, b) => console.log('args', a, b), 1, 'x', 42);
console.log(typeof t, t.hasRef(), typeof t.ref, typeof t.unref);
const c = setTimeout(() => console.log('never'), 1);
clearTimeout(c);
let n = 0;
const iv = setInterval(function () {
  n++;
  console.log('interval', n, this === iv);
  if (n === 3) clearInterval(iv);
}, 2);
const u = setTimeout(() => console.log('unref never runs'), 100000);
u.unref();
console.log('hasRef after unref', u.hasRef());
const byNumber = setTimeout(() => console.log('cleared by number'), 5);
clearTimeout(+byNumber);
let r = 0;
const refreshed = setTimeout(() => {
  console.log('refreshed fired', r);
  // Immediates from a timer callback: before any timer scheduled there.
  setTimeout(() => {
    setImmediate((x) => console.log('immediate arg', x), 'y');
    const imm = setImmediate(() => console.log('cleared immediate'));
    clearImmediate(imm);
  }, 1);
}, 100);
setTimeout(() => { r = 1; refreshed.refresh(); }, 50);
try {
  setTimeout('not a function');
} catch (e) {
  console.log(e.name, e.code);
}
