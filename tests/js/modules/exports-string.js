// "exports": "./main.js" exposes only the root; everything else is blocked.
const { createRequire } = require('module');
const req = createRequire(__dirname + '/fixtures/index.js');
console.log(req('pkg-exports-string'));
for (const id of ['pkg-exports-string/other', 'pkg-exports-string/other.js', 'pkg-exports-string/package.json', 'pkg-exports-string/main.js']) {
  try { req(id); console.log('loaded', id); } catch (e) { console.log(e.code, e.message.replace(__dirname, '.')); }
}
