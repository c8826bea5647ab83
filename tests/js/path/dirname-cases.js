const path = require('path');
for (const p of ['/a', 'a', '/a/b/', '//a', '///a/b', 'a/b', '.', '..', '../a']) console.log(JSON.stringify(p), JSON.stringify(path.dirname(p)));
