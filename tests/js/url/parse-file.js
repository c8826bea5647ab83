// file: URLs: hosts, localhost, Windows drive letters (normalized, kept
// when climbing), backslashes, and relative references against file bases.
const { showAll } = require('./fixtures/show');
showAll(['file:///etc/passwd', 'file://localhost/etc/passwd', 'file://LOCALHOST/x',
  'file://host/share/f', 'file:/x', 'file:x', 'file:', 'file://', 'file:///', 'file:////x',
  'file:c:/x', 'file:///C|/x', 'file://C|/x', 'file:/C:/x/../../..', 'file:///c:/..',
  'file:///C:/a/b/../../..', 'file://h/C:/x', 'file:\\\\h\\x\\y', 'file:///x?q#f',
  'file://ex ample/x', 'file://[::1]/x', 'file://1.2.3/x', 'file://%41/x', 'FILE:///X',
  'file:///a/%2e%2E/b', 'file:///a b', 'file:///\u00e9', 'file://localhost', 'file://user@h/x',
  'file://h:80/x', 'file:..', 'file:.', 'file:/C|', 'file:C|', 'file:///C%3A/x']);
const bases = ['file:///C:/a/b', 'file://host/dir/file', 'file:///a/b/c'];
for (const base of bases) {
  showAll(['..', '../..', '/x', '//h2/x', '///x', 'C|', 'C|/y', '/C:/y', 'd:', '?q', '#f', '',
    'x', 'file:y', 'file:/y', 'file:', '\\\\h3\\z', '//localhost/x', 'http://x/'], base);
}
