const clean = (s) => String(s).split(process.cwd()).join('.');
for (const s of ['no-such-package', 'node:nope', '#nope']) {
  try { console.log(import.meta.resolve(s)); } catch (e) { console.log(e.code, clean(e.message)); }
}
