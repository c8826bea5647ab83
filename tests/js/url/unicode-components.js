// Non-ASCII in every component: encoded to UTF-8 percent escapes in
// userinfo, path, query and fragment, punycoded in the host, escaped in
// opaque hosts and paths; decoded back by searchParams.
const { showAll } = require('./fixtures/show');
const texts = ['\u00e9', '\u4e2d\u6587', '\ud83d\ude00', '\u0000\u00a0', '\u2028', '\ufeff'];
const inputs = [];
for (const t of texts) {
  inputs.push(`http://${t}u:${t}p@h/${t}?${t}=${t}#${t}`, `sc://${t}/${t}?${t}#${t}`, `sc:${t}?${t}#${t}`, `file:///${t}`);
}
showAll(inputs);
const u = new URL('http://h/?\u00e9=\ud83d\ude00');
console.log([...u.searchParams], u.search);
