const path = require('path');
for (const p of ['/home/u/file.txt', 'rel/dir/', '.bashrc', '/', 'a.b.c']) {
  const parsed = path.parse(p);
  console.log(JSON.stringify(parsed), '->', path.format(parsed));
}
console.log(path.format({ root: '/', base: 'b.txt', name: 'ignored', ext: '.x' }));
console.log(path.format({ dir: '/d', name: 'n', ext: 'e' }), path.format({ name: 'n', ext: '.e' }));
