// Relative references against bases of each special scheme and against
// bases with credentials, ports, queries and fragments: what is kept.
const { showAll } = require('./fixtures/show');
for (const base of ['ws://u:p@h:81/a/b?q#f', 'ftp://h/dir/', 'https://h', 'wss://[::1]:8/x/']) {
  showAll(['', '.', 'x', '/x', '//h2', '//h2:9/y', '///x', '\\x', 'x?y', '#z', '?', 'http:x', 'ws:x', 'https://h3', 'a:b'], base);
}
