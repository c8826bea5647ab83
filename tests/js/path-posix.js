// node:path on POSIX paths, the seed's Path note and the corners.
const path = require('node:path');
console.log(path.join('/users', 'alice', 'docs', '..', 'file.txt'));
console.log(path.resolve('/a/b', './c', '../d'), path.resolve('/x', '/y', 'z'));
console.log(path.normalize('/a//b/../c/./d/'), path.normalize(''), path.normalize('./'));
console.log(path.dirname('/a/b/c.txt'), path.dirname('c.txt'), path.dirname('/'));
console.log(path.basename('/a/b/c.tar.gz'), path.basename('/a/b/c.tar.gz', '.gz'), path.basename('/a/b/'));
console.log(path.extname('index.html'), path.extname('index.'), path.extname('.bashrc'), path.extname('a.b.c'));
console.log(path.parse('/home/user/dir/file.txt'));
console.log(path.format({ root: '/', dir: '/home/user/dir', base: 'file.txt' }));
console.log(path.format({ name: 'file', ext: 'txt' }));
console.log(path.relative('/data/orandea/test/aaa', '/data/orandea/impl/bbb'));
console.log(path.relative('/a', '/a'), path.isAbsolute('/x'), path.isAbsolute('x/'));
console.log(path.sep, path.delimiter, path.posix === path, typeof path.win32.join);
console.log(path.win32.join('C:\\a', '..', 'b'), path.win32.basename('C:\\x\\y.txt'));
try {
  path.join('a', 42);
} catch (e) {
  console.log(e.code, e.message);
}
