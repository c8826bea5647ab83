// fileURLToPath and pathToFileURL: percent-encoding of what would end or
// change the path, decoding back, and the errors for non-file URLs,
// hosts and encoded slashes.  Paths are absolute so output is the same
// everywhere.
const { fileURLToPath, pathToFileURL } = require('url');
const paths = ['/tmp/a b/c', '/tmp/100%/x', '/tmp/q?x#y', '/tmp/back\\slash', '/tmp/new\nline',
  '/tmp/cr\rtab\t', '/tmp/\u00e9\u4e2d\ud83d\ude00', '/tmp/dir/', '/', '/tmp/./a/../b', '//double',
  "/tmp/'\"<>`{}|^[]", '/tmp/%2F', '/tmp/semi;colon=eq&amp', '/tmp/~tilde!$()*,+@:'];
for (const p of paths) {
  const u = pathToFileURL(p);
  console.log(JSON.stringify(p), u.href, JSON.stringify(fileURLToPath(u)), fileURLToPath(u.href) === fileURLToPath(u));
}
for (const s of ['file:///etc/passwd', 'file://localhost/etc', 'file:///a%20b/%C3%A9', 'file:///a%2Fb',
  'file:///a%2fb', 'file:///a%5Cb', 'file://host/share', 'http://x/y', 'file:///%00', 'file:///a/..%2F', 'not a url',
  'file:///C:/x', 'file:///%zz', 'FILE:///UP']) {
  try { console.log(s, JSON.stringify(fileURLToPath(s))); } catch (e) { console.log(s, e.name, e.code, e.message); }
}
for (const v of [1, null, {}, undefined]) {
  try { fileURLToPath(v); } catch (e) { console.log('fileURLToPath', e.code, e.message); }
  try { pathToFileURL(v); } catch (e) { console.log('pathToFileURL', e.code, e.message); }
}
const path = require('path');
console.log(path.relative(__dirname, fileURLToPath(pathToFileURL(__filename))));
console.log(pathToFileURL('rel/x').href === new URL('rel/x', pathToFileURL(process.cwd() + '/').href).href);
