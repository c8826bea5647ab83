// The timer globals are plain writable, configurable properties.
const d = Object.getOwnPropertyDescriptor(globalThis, 'setTimeout');
console.log(typeof d.value, d.writable, d.enumerable, d.configurable);
const orig = setTimeout;
globalThis.setTimeout = (fn) => { console.log('patched'); return orig(fn, 1); };
setTimeout(() => console.log('ran via patch'));
globalThis.setTimeout = orig;
