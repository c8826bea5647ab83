// AbortController / AbortSignal: prototypes, statics, globals.
const desc = (o, k) => {
  const d = Object.getOwnPropertyDescriptor(o, k);
  if (!d) return 'absent';
  return ('value' in d ? `value:${typeof d.value} w=${d.writable}` : `get=${typeof d.get} set=${typeof d.set}`) +
    ` e=${d.enumerable} c=${d.configurable}`;
};
for (const n of ['AbortController', 'AbortSignal']) {
  const d = Object.getOwnPropertyDescriptor(globalThis, n);
  console.log(n, typeof d.get, typeof d.set, d.enumerable, d.configurable, d.get.name, d.set.name);
}
for (const C of [AbortController, AbortSignal]) {
  console.log(C.name, C.length);
  for (const k of Object.getOwnPropertyNames(C.prototype)) console.log('  ', k, desc(C.prototype, k));
}
for (const k of ['abort', 'timeout', 'any']) console.log('static', k, desc(AbortSignal, k), AbortSignal[k].length);
console.log(Object.getPrototypeOf(AbortSignal) === EventTarget);
console.log(Object.getPrototypeOf(AbortSignal.prototype) === EventTarget.prototype);
console.log(desc(globalThis, 'AbortController'));
globalThis.AbortSignal = 5;
console.log(desc(globalThis, 'AbortSignal'), AbortSignal);
