// Subpath exports, patterns, null targets, directory mappings, json.
const path = require('path');
const { createRequire } = require('module');
const req = createRequire(__dirname + '/fixtures/index.js');
for (const id of ['pkg-subpaths', 'pkg-subpaths/feature', 'pkg-subpaths/utils/a', 'pkg-subpaths/utils/a.js',
  'pkg-subpaths/utils/nested/b', 'pkg-subpaths/data', 'pkg-subpaths/package.json',
  'pkg-subpaths/internal/x', 'pkg-subpaths/src/feature.js', 'pkg-subpaths/feature.js',
  'pkg-subpaths/dir/file.js', 'pkg-subpaths/utils/none']) {
  try {
    const v = req(id);
    console.log(id, '->', JSON.stringify(typeof v === 'object' && v.name ? v.name : v), path.relative(__dirname, req.resolve(id)));
  } catch (e) {
    console.log(id, '->', e.code, e.message.split('\n')[0].replace(__dirname, '.'));
  }
}
