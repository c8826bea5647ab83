import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
for (const f of ['meta-in-cjs.cjs', 'export-in-cjs.cjs']) {
  try { require('./fixtures/more/' + f); } catch (e) { console.log(f, e.name); }
}
