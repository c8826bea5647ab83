const path = require('path');
if (typeof path.matchesGlob !== 'function') { console.log('no matchesGlob'); process.exit(0); }
for (const [p, g] of [['a/b.js', '**/*.js'], ['a/b.ts', '*.js'], ['x.js', '*.js'], ['a/b/c', 'a/*/c'], ['abc', 'a?c']]) {
  console.log(p, g, path.matchesGlob(p, g));
}
