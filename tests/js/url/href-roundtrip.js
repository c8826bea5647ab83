// Parsing is idempotent: new URL(u.href).href === u.href for a mixed
// table, and a URL used as a base or an input is read through its href.
const inputs = ['http://H/a/./b/../c?q#f', 'sc:/.//x', 'file:///C|/x', 'http://[::ffff:1.2.3.4]/', 'http://0x7f.1/',
  'sc://\u00e9/x y', 'mailto:a b', 'http://\u00fc.de/\u00e9?\u00e9#\u00e9', 'non-spec:/..//p', 'http://u:p@h:8/', 'sc:x?#',
  'http://h/%2e/x', 'file://localhost/x', 'ws://h:80/', 'blob:http://h/x', 'sc:/a/..//b'];
for (const s of inputs) {
  const u = new URL(s);
  const again = new URL(u.href);
  let rel;
  try { rel = new URL('x', u).href; } catch (e) { rel = e.code; }
  console.log(JSON.stringify(u.href), again.href === u.href, new URL(u).href === u.href, rel);
}
