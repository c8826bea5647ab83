// Timer delays Node treats specially, order of equal deadlines, and
// timers scheduled from immediates.
const out = [];
setTimeout(() => out.push('NaN delay'), NaN);
setTimeout(() => out.push('negative'), -5);
setTimeout(() => out.push('string 12'), '12');
setTimeout(() => out.push('zero'), 0);
setTimeout(() => out.push('one'), 1);
for (let i = 0; i < 5; i++) setTimeout(() => out.push(`same ${i}`), 3);
setTimeout(() => {
  console.log(out.join(', '));
  // From a timer callback, an immediate comes before a new 0 ms timer.
  const o2 = [];
  setTimeout(() => o2.push('t'), 0);
  setImmediate(() => o2.push('i'));
  setTimeout(() => console.log(o2.join(' ')), 10);
}, 20);
const t = setTimeout(() => {}, 10);
console.log(typeof t[Symbol.toPrimitive](), t.hasRef());
clearTimeout(t);
const iv = setInterval(() => {}, 1000);
iv.unref();
console.log(iv.hasRef(), iv.ref().hasRef(), iv.unref().hasRef());
