for (let i = 0; i < 2; i++) {
  try { await import('./fixtures/more/missing.mjs'); } catch (e) { console.log(i, e.code); }
}
const a = import('./fixtures/counter.mjs');
const b = import('./fixtures/counter.mjs');
console.log((await a) === (await b));
