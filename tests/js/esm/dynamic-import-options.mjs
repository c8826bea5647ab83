const j = await import('./fixtures/more/obj.json', { with: { type: 'json' } });
console.log(j.default);
const k = await import('./fixtures/more/obj.json', { assert: { type: 'json' } });
console.log(j === k);
try { await import('./fixtures/more/obj.json', {}); } catch (e) { console.log(e.code); }
const n = await import('./fixtures/counter.mjs', undefined);
console.log(typeof n.increment);
