// module.createRequire from paths and file URLs; bad arguments.
const { createRequire } = require('module');
const path = require('path');
const r1 = createRequire(path.join(__dirname, 'fixtures', 'anything.js'));
console.log(r1('./data.json').name, r1('dep'));
const r2 = createRequire('file://' + path.join(__dirname, 'fixtures') + '/');
console.log(r2('./data.json').name);
console.log(typeof r1.resolve, typeof r1.cache, r1.cache === require.cache, r1.main === require.main);
for (const bad of ['relative.js', 5, undefined]) {
  try { createRequire(bad); } catch (e) { console.log(e.code, e.message); }
}
