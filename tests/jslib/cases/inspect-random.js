'use strict';
// Randomly shaped (but seeded, hence deterministic) nested values, to
// exercise inspect's line breaking and grouping against Node's.
const util = require('node:util');

function prng(seed) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

module.exports = ({ check, ours }) => {
  const our = ours('internal/inspect');
  const rnd = prng(20240601);
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const words = ['a', 'id', 'name', 'value', 'longer_key_name', 'x-y', 'count', 'description', 'ok', 'ünï', 'data'];

  function gen(depth) {
    const r = rnd();
    if (depth > 4 || r < 0.35) {
      switch (Math.floor(rnd() * 9)) {
        case 0: return Math.floor(rnd() * 1000);
        case 1: return -rnd() * 1e6;
        case 2: return pick(words).repeat(1 + Math.floor(rnd() * 4));
        case 3: return rnd() < 0.5;
        case 4: return null;
        case 5: return undefined;
        case 6: return BigInt(Math.floor(rnd() * 1e9));
        case 7: return 'line one\nline two '.repeat(1 + Math.floor(rnd() * 5));
        default: return Math.floor(rnd() * 10);
      }
    }
    if (r < 0.6) {
      const n = Math.floor(rnd() * (rnd() < 0.3 ? 40 : 8));
      const arr = [];
      const kind = Math.floor(rnd() * 3);
      for (let i = 0; i < n; i++) arr.push(kind === 0 ? Math.floor(rnd() * 10 ** Math.floor(rnd() * 6)) : kind === 1 ? pick(words) : gen(depth + 1));
      return arr;
    }
    if (r < 0.85) {
      const n = Math.floor(rnd() * 7);
      const obj = {};
      for (let i = 0; i < n; i++) obj[pick(words) + (i ? i : '')] = gen(depth + 1);
      return obj;
    }
    if (r < 0.92) return new Map([[pick(words), gen(depth + 1)], [Math.floor(rnd() * 5), gen(depth + 1)]]);
    return new Set([gen(depth + 1), gen(depth + 1), pick(words)]);
  }

  const optionSets = [undefined, { breakLength: 60 }, { depth: 4 }, { compact: 2, breakLength: 100 }, { colors: true }];
  for (let i = 0; i < 300; i++) {
    const value = gen(0);
    const opts = optionSets[i % optionSets.length];
    check(`random #${i} ${JSON.stringify(opts)}`, (w) => (w === 'ours' ? our.inspect : util.inspect)(value, opts));
  }
  // Arrays of numbers of many lengths and widths: column grouping.
  for (let len = 5; len <= 130; len += 7) {
    for (const width of [1, 3, 6, 12]) {
      const arr = Array.from({ length: len }, (_, i) => Math.floor((i * 7919) % 10 ** width));
      check(`numeric array len=${len} width=${width}`, (w) => (w === 'ours' ? our.inspect : util.inspect)(arr));
      const strs = arr.map(String);
      check(`string array len=${len} width=${width}`, (w) => (w === 'ours' ? our.inspect : util.inspect)(strs));
      check(`nested array len=${len} width=${width}`, (w) => (w === 'ours' ? our.inspect : util.inspect)({ outer: { inner: arr } }));
    }
  }
};
