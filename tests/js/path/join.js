const path = require('path');
for (const a of [['a', 'b'], ['/a', '../b'], ['a/', '/b/'], ['', ''], ['.', '..', 'x'], ['a', '', 'b'], ['/', '/'], ['a/b/../../..'], ['//a', 'b//c']]) {
  console.log(JSON.stringify(a), '->', JSON.stringify(path.join(...a)));
}
console.log(JSON.stringify(path.join()));
