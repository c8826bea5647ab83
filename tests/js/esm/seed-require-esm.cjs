// Gotcha 3: CommonJS loads an ES module with import(); require() of an ES
// module without top-level await gives its namespace (Node 20.19+).
async function load() {
  const mod = await import('./fixtures/seed/esm-module.mjs');
  mod.doStuff();
  return mod;
}
load().then((mod) => {
  const viaRequire = require('./fixtures/seed/esm-module.mjs');
  console.log(viaRequire === mod, Object.keys(viaRequire));
});
