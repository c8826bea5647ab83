const clean = (s) => String(s).split(process.cwd()).join('.');
const objSpec = { toString() { return './fixtures/counter.mjs'; } };
console.log(Object.keys(await import(objSpec)));
for (const s of [123, undefined, '']) {
  try { await import(s); console.log('loaded', s); } catch (e) { console.log(typeof s, e.code, clean(e.message)); }
}
