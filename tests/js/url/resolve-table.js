// The same references resolved by new URL() and by the legacy
// url.resolve(), side by side, where the two agree and where they do not.
const url = require('url');
const base = 'http://a/b/c/d;p?q';
for (const r of ['g', './g', '../g', '../../g', '../../../../g', '/g', '//g', '?y', '#s', '', '.', '..', 'g/../h', 'g?y#s',
  'http:g', 'HTTP://G', 'g:h', ' g ', 'g\\h', '%2e%2e/g']) {
  let w;
  try { w = new URL(r, base).href; } catch (e) { w = e.code; }
  console.log(JSON.stringify(r), w, url.resolve(base, r));
}
