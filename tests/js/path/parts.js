// basename, dirname, extname on edge cases.
const path = require('path');
for (const p of ['/a/b.txt', '/a/b', '/a/b/', '/', '', 'b.tar.gz', '.hidden', '..', 'a.', '/a/.b.c', 'file.']) {
  console.log(JSON.stringify(p), path.basename(p), '|', path.dirname(p), '|', JSON.stringify(path.extname(p)));
}
console.log(path.basename('/a/b.txt', '.txt'), path.basename('/a/b.txt', 'b.txt'), path.basename('x.js', 'js'));
