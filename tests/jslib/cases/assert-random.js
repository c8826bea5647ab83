'use strict';
// Seeded random structures with one change, to exercise the assertion
// diff (context lines, skipped lines, +/- grouping) against Node's.
function prng(seed) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

module.exports = ({ check, ours }) => {
  const our = ours('assert');
  const nodeAssert = require('node:assert');
  const rnd = prng(777);
  const words = ['alpha', 'beta', 'gamma', 'delta', 'k', 'longer key', 'x1'];
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  function gen(depth) {
    const r = rnd();
    if (depth > 3 || r < 0.3) return pick([1, 2, 'str', null, true, 'a longer string value', 3.5, undefined]);
    if (r < 0.6) return Array.from({ length: Math.floor(rnd() * 12) }, () => gen(depth + 1));
    const o = {};
    const n = Math.floor(rnd() * 8);
    for (let i = 0; i < n; i++) o[pick(words) + i] = gen(depth + 1);
    return o;
  }
  function mutate(v, depth = 0) {
    if (v === null || typeof v !== 'object') return pick(['changed', 99, false, null, [1], { z: 1 }]);
    const c = Array.isArray(v) ? v.slice() : { ...v };
    const keys = Object.keys(c);
    if (keys.length === 0 || rnd() < 0.15) {
      if (Array.isArray(c)) c.push('added'); else c.addedKey = 'added';
      return c;
    }
    const k = pick(keys);
    if (rnd() < 0.1) { if (Array.isArray(c)) c.splice(Number(k), 1); else delete c[k]; return c; }
    c[k] = mutate(c[k], depth + 1);
    return c;
  }
  const describe = (f) => { try { f(); return 'no throw'; } catch (e) { return `${e.name} ${e.operator}\n${e.message}`; } };
  for (let i = 0; i < 250; i++) {
    const a = gen(0);
    const b = mutate(a);
    const op = ['deepStrictEqual', 'deepEqual', 'notDeepStrictEqual', 'strictEqual'][i % 4];
    check(`random ${op} #${i}`, (w) => describe(() => (w === 'ours' ? our : nodeAssert)[op](a, op.startsWith('not') ? a : b)));
    check(`random reversed ${op} #${i}`, (w) => describe(() => (w === 'ours' ? our : nodeAssert)[op](b, op.startsWith('not') ? b : a)));
  }
  // Long arrays with a change at various positions: skipped lines.
  for (const len of [3, 8, 20, 60, 120]) {
    for (const at of [0, 1, Math.floor(len / 2), len - 2, len - 1]) {
      if (at < 0 || at >= len) continue;
      const a = Array.from({ length: len }, (_, i) => `item ${i}`);
      const b = a.slice(); b[at] = 'CHANGED';
      check(`array len ${len} change at ${at}`, (w) => describe(() => (w === 'ours' ? our : nodeAssert).deepStrictEqual(a, b)));
      const c = a.slice(0, at);
      check(`array len ${len} truncated at ${at}`, (w) => describe(() => (w === 'ours' ? our : nodeAssert).deepStrictEqual(a, c)));
      check(`array len ${len} truncated at ${at} rev`, (w) => describe(() => (w === 'ours' ? our : nodeAssert).deepStrictEqual(c, a)));
    }
  }
};
