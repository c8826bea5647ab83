const path = require('path');
process.chdir('/tmp');
for (const a of [['a'], ['/a', 'b'], ['/a', '/b', 'c'], ['a', '..', '..', '..'], [''], ['/x/', './y/'], ['/', '..']]) {
  console.log(JSON.stringify(a), '->', path.resolve(...a));
}
console.log(path.resolve());
