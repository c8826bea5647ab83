// protocol setter: special to special only, file: needs no credentials or
// port, the default port dropped, trailing junk ignored.
const { table } = require('./fixtures/setters');
table('protocol', ['http://u:p@example.com:8080/p?q#f', 'https://example.com:443/', 'http://example.com:80/',
  'file:///x', 'file://h/x', 'mailto:a@b', 'sc://h/p', 'sc:opaque', 'ws://h:443/'],
['https', 'https:', 'HTTP:', 'ws', 'wss:', 'ftp', 'file', 'sc', 'mailto', 'x:y', 'a b', '1x',
  '', ':', 'http:foo', 'ht\ttp', '\u00e9']);
