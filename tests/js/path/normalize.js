const path = require('path');
for (const p of ['', '.', '..', '/..', 'a/./b', 'a//b//', '/a/b/../../../c', './a/', 'a/..', '../../a', '//server/share', '/./']) {
  console.log(JSON.stringify(p), '->', JSON.stringify(path.normalize(p)));
}
