const { win32 } = require('path');
for (const p of ['C:', 'C:\\', 'C:foo', '\\\\server\\share\\dir\\file.txt', 'dir\\file', '/unix/style']) {
  console.log(JSON.stringify(p), JSON.stringify(win32.parse(p)), win32.dirname(p), win32.basename(p));
}
console.log(win32.format({ root: 'C:\\', dir: 'C:\\path\\dir', base: 'file.txt' }));
