// structuredClone: Map and Set keep insertion order and odd keys.
const m = new Map([[3, 'c'], ['1', 'a'], [NaN, 'nan'], [-0, 'zero'], [null, 'null'], [undefined, 'undef']]);
const mc = structuredClone(m);
console.log([...mc.keys()], mc.get(NaN), mc.get(0));
const s = new Set(['z', 'a', 1, 0n, false]);
console.log([...structuredClone(s)]);
const objKeyed = new Map([[{ id: 1 }, 'one'], [{ id: 2 }, 'two']]);
console.log([...structuredClone(objKeyed)].map(([k, v]) => `${k.id}=${v}`).join(' '));
