'use strict';
// Errors the engine throws itself, as the runtime shows them: in
// util.inspect's header, and to 'uncaughtException' and
// 'unhandledRejection' listeners, with V8's messages (reading and
// setting properties of undefined and null, calling a non-function,
// an undefined variable).
const util = require('util');

const cases = [
  () => undefined.x,
  () => null.foo,
  () => { const o = {}; return o.a.b; },
  () => { const o = {}; return o.a['key']; },
  () => { const o = {}; return o.a[0]; },
  () => { const o = {}; o.a.b = 1; },
  () => { const o = {}; o.a.c += 1; },
  () => { const o = {}; o.a.d ??= 1; },
  () => { const o = {}; o.a.f++; },
  () => { const o = {}; o.a[1] = 2; },
  () => { const f = 5; f(); },
  () => { const o = {}; o.m(); },
  () => { const o = { a: {} }; new o.a.B(); },
  () => missingVariable + 1,
];

for (const f of cases) {
  try {
    f();
  } catch (e) {
    // The header of the inspected error is the same in both runtimes.
    console.log(util.inspect(e).split('\n')[0]);
  }
}

// A user's own error with a JavaScriptCore-looking message is its own.
const mine = new TypeError("undefined is not an object (evaluating 'a.b')");
console.log(util.inspect(mine).split('\n')[0]);

let n = 0;
process.on('uncaughtException', (e, origin) => {
  console.log(origin, e.name, e.message);
  if (++n === 3) {
    Promise.reject(null).catch(() => {});
    Promise.resolve().then(() => { const o = {}; return o.p.q; });
  }
});
process.on('unhandledRejection', (e) => console.log('rejection', e.message));
setTimeout(() => { const o = {}; o.gone.deeper; }, 1);
setTimeout(() => { notDefinedHere(); }, 2);
setTimeout(() => { const o = {}; o.f(); }, 3);
