const { win32 } = require('path');
console.log(win32.join('C:\\a', '..', 'b', 'c.txt'), win32.normalize('C:/x//y/../z'), win32.normalize('\\\\server\\share\\x'));
console.log(win32.resolve('C:\\a', 'D:b'), win32.resolve('C:\\', '..'), win32.isAbsolute('C:\\x'), win32.isAbsolute('C:x'), win32.isAbsolute('\\\\s\\sh'));
console.log(win32.basename('C:\\a\\b.txt'), win32.dirname('C:\\a\\b.txt'), win32.extname('C:\\a\\b.txt'));
console.log(JSON.stringify(win32.parse('C:\\dir\\file.ext')), win32.relative('C:\\a\\b', 'C:\\a\\c'));
console.log(win32.toNamespacedPath('C:\\x'), win32.sep, win32.delimiter, win32.relative('C:\\a', 'D:\\b'));
