// Path, query and fragment on the fast path: percent-encoding with each
// component's set, dot segments in all their spellings, missing parts,
// and what the fast path leaves to the state machine (backslashes, tabs
// and newlines, C0 controls and spaces around the input, credentials).
'use strict';
function show(input) {
  try {
    const u = new URL(input);
    console.log(JSON.stringify(input), '->', JSON.stringify(u.href), u.pathname,
      JSON.stringify(u.search), JSON.stringify(u.hash), JSON.stringify(u.username),
      JSON.stringify(u.password), u.host);
  } catch (e) {
    console.log(JSON.stringify(input), '!', e.name, e.code, e.message);
  }
}
const chars = [' ', '"', '#', '<', '>', '`', '{', '}', '^', '|', "'", '%', '%41', '%zz',
  '\u0001', '\u001f', '\u007f', '\u0080', '\u00e9', '\u20ac', '\ud83d\ude00', '\ud800', '\udc00',
  '?', '[', ']', '@', ':', ';', '=', '&', '+', '$', ',', '!', '~', '*', '(', ')'];
for (const ch of chars) {
  show(`http://h/a${ch}b?q${ch}r#f${ch}g`);
}
for (const path of ['', '/', '//', '/a//b', '/.', '/..', '/./', '/../', '/a/.', '/a/..', '/a/../',
  '/a/./b', '/a/b/../../c', '/../../a', '/%2e', '/%2E/', '/%2e%2e', '/.%2E/x', '/%2e./x',
  '/a/%2e%2E/b', '/.a', '/..a', '/a.', '/%2ex', '/%2f', '/a/..%2f', '/.//', '/%2e%2e%2e']) {
  show(`https://example.org${path}`);
  show(`https://example.org${path}?x#y`);
}
for (const input of ['http://h', 'http://h?', 'http://h#', 'http://h?#', 'http://h/?#', 'http://h:8080?q',
  'http://h/?', 'http://h/#', 'http://h/??#?#', 'http://h/#a#b', 'http://h?a?b',
  'http:\\\\h\\a\\b', 'http://h\\a', 'http://h/a\\b', 'http://h/a?b\\c#d\\e',
  'http://h/a\tb', 'http://h/a\nb?c\rd#e\tf', 'http://h\t/', '  http://h/  ', '\u0000http://h/\u001f',
  'http://h/ ', 'http://h/\u0000', 'http://u@h/', 'http://u:p@h/', 'http://:p@h/', 'http://@h/',
  'http://u:p@h:80/x', 'http://h%41/', 'http://h%2e/', 'http://\u00e9.com/', 'http:///h/',
  'http:/h/', 'http:h/', 'http://', 'http://:80/', 'http://h:8a/', 'http://h:-1/',
  'http://h :80/', 'http://h/ #', 'ftp://h/a;type=i', 'ws://h/chat?x=1', 'file://h/p']) {
  show(input);
}
