// Gotcha 2: ESM imports must include the extension; require() probes.
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const clean = (s) => String(s).split(process.cwd()).join('.');
try {
  await import('./fixtures/seed/utils');
} catch (e) {
  console.log(e.code);
  console.log(clean(e.message));
}
const withExt = await import('./fixtures/seed/utils.js');
console.log(withExt.util, withExt.default.util);
console.log(require('./fixtures/seed/utils').util);
