// Conditions: require/node/default in object order; import is skipped by
// require; nested conditions; arrays as fallbacks; sugar form.
const { createRequire } = require('module');
const req = createRequire(__dirname + '/fixtures/index.js');
for (const id of ['pkg-conditions', 'pkg-conditions/node-first', 'pkg-conditions/default-only',
  'pkg-conditions/browser-only', 'pkg-conditions/nested', 'pkg-conditions/fallback', 'pkg-sugar']) {
  try { console.log(id, '->', req(id)); } catch (e) { console.log(id, '->', e.code, e.message.split('\n')[0].replace(__dirname, '.')); }
}
