// structuredClone: getters run in key order, and their errors propagate.
const log = [];
const obj = {
  get a() { log.push('a'); return 1; },
  get b() { log.push('b'); return { inner: true }; },
  c: 3,
};
const c = structuredClone(obj);
console.log(log.join(','), c);
const bad = { ok: 1, get boom() { throw new RangeError('getter failed'); } };
try { structuredClone(bad); } catch (e) { console.log(e.name, e.message, e instanceof DOMException); }
const adder = { a: 1, get b() { this.late = 'added'; return 2; } };
console.log(structuredClone(adder));
const remover = { get a() { delete this.b; return 1; }, b: 2 };
console.log(structuredClone(remover));
