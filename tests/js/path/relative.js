const path = require('path');
for (const [a, b] of [['/a/b/c', '/a/d'], ['/a', '/a'], ['/a/b', '/a/b/c/d'], ['/', '/x'], ['/x', '/'], ['/a/bc', '/a/b']]) {
  console.log(a, b, '->', JSON.stringify(path.relative(a, b)));
}
