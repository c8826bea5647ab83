// A module that throws is not cached; requiring again re-runs it.
let n = 0;
for (let i = 0; i < 2; i++) {
  try { require('./fixtures/node_modules/pkg-throws'); } catch (e) { n++; console.log('threw', e.message); }
}
console.log(n, Object.keys(require.cache).some((k) => k.includes('pkg-throws')));
