// pathToFileURL then fileURLToPath gives the path back for names with
// every printable ASCII character, spaces at the ends, and non-ASCII.
const { pathToFileURL, fileURLToPath } = require('url');
const bad = [];
for (let c = 0x20; c < 0x7f; c++) {
  const ch = String.fromCharCode(c);
  if (ch === '/') continue;
  const p = `/tmp/x${ch}y`;
  const back = fileURLToPath(pathToFileURL(p));
  if (back !== p) bad.push(ch);
}
console.log(JSON.stringify(bad));
for (const p of ['/tmp/ lead', '/tmp/trail ', '/tmp/\u00e9\u0301', '/tmp/\ud83d\ude00', '/tmp/a%25b', '/tmp/%zz', '/tmp/a\u0000b']) {
  const u = pathToFileURL(p);
  console.log(JSON.stringify(p), u.pathname, fileURLToPath(u) === p);
}
