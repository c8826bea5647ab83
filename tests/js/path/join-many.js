const path = require('path');
console.log(path.join('/a', 'b', 'c', '..', 'd', '.', 'e/', '/f'));
console.log(path.join('a', '../..', 'b'), path.join('./', './a'), path.join('a/', '../'));
console.log(path.posix.join('a\\b', 'c'), path.win32.join('a/b', 'c'));
