const path = require('path');
console.log(path.sep, path.delimiter, path.isAbsolute('/x'), path.isAbsolute('x'), path.isAbsolute(''));
console.log(path.toNamespacedPath('/x'), path.posix === path, path.win32.sep, path.posix.win32 === path.win32);
for (const f of ['join', 'resolve', 'basename', 'extname', 'dirname', 'normalize', 'isAbsolute', 'relative', 'parse']) {
  try { path[f](null); } catch (e) { console.log(f, e.code, e.message); }
}
try { path.format(null); } catch (e) { console.log('format', e.code, e.message); }
