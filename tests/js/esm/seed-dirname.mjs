// Gotcha 1: no __dirname in ESM; import.meta.url, and since Node 20.11
// import.meta.dirname and import.meta.filename.
import { dirname, basename } from 'node:path';
console.log(typeof __dirname, typeof __filename);
// (the seed's boilerplate, with the file: URL decoded by hand)
const filename = decodeURIComponent(import.meta.url.slice('file://'.length));
const dir = dirname(filename);
console.log(basename(filename), dir === import.meta.dirname, filename === import.meta.filename);
console.log(basename(import.meta.dirname), basename(import.meta.filename));
