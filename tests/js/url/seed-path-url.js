// The seed notes' "Path & URL" samples on CommonJS: __filename from a
// file: URL (import.meta.url there), a config path beside it, and
// building a URL up.
const { fileURLToPath, pathToFileURL } = require('node:url');
const path = require('node:path');
const metaUrl = pathToFileURL(__filename).href;
const filename = fileURLToPath(metaUrl);
const dirname = path.dirname(filename);
const config = path.join(dirname, 'config.json');
console.log(filename === __filename, dirname === __dirname, path.basename(config), metaUrl.startsWith('file:///'));
const u = new URL('https://api.example.com/v1/users?id=42&active=true');
console.log(u.hostname, u.pathname, u.searchParams.get('id'), u.searchParams.get('active'));
const b = new URL('https://api.example.com');
b.pathname = '/v1/users';
b.searchParams.set('id', '42');
console.log(b.toString());
const worker = new URL('./worker.js', metaUrl);
console.log(path.relative(__dirname, fileURLToPath(worker)), worker.protocol);
