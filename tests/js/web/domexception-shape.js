// DOMException: the constants and accessors where Node puts them.
const desc = (o, k) => {
  const d = Object.getOwnPropertyDescriptor(o, k);
  if (!d) return 'absent';
  return ('value' in d ? `value=${String(d.value)} w=${d.writable}` : `get=${typeof d.get} set=${typeof d.set}`) +
    ` e=${d.enumerable} c=${d.configurable}`;
};
console.log(Object.getOwnPropertyNames(DOMException));
console.log(Object.getOwnPropertyNames(DOMException.prototype));
for (const k of ['name', 'message', 'code', 'ABORT_ERR', 'DATA_CLONE_ERR']) {
  console.log('proto', k, desc(DOMException.prototype, k));
}
for (const k of ['INDEX_SIZE_ERR', 'TIMEOUT_ERR', 'prototype']) {
  console.log('ctor', k, desc(DOMException, k));
}
console.log(desc(DOMException.prototype, Symbol.toStringTag));
console.log(DOMException.ABORT_ERR, new DOMException().TIMEOUT_ERR, DOMException.prototype.DATA_CLONE_ERR);
DOMException.ABORT_ERR = 99;
console.log(DOMException.ABORT_ERR);
const g = Object.getOwnPropertyDescriptor(globalThis, 'DOMException');
console.log(typeof g.get, typeof g.set, g.enumerable, g.configurable);
