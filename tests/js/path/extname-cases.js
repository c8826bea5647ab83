const path = require('path');
for (const p of ['a.js', 'a.min.js', '.a', '.a.b', 'a..', 'a/.', 'a/..', '/a.b/c', 'a.b/', 'a.b//']) console.log(JSON.stringify(p), JSON.stringify(path.extname(p)));
