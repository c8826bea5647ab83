async function loadAll(names) {
  const mods = await Promise.all(names.map((n) => import(`./fixtures/${n}.mjs`)));
  return mods.map((m) => Object.keys(m).length);
}
console.log(await loadAll(['counter', 'forms', 'star-a']));
const lazy = () => import('./fixtures/default-expr.mjs').then((m) => m.default);
console.log(await lazy());
