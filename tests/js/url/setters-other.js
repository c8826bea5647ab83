// username, password, port, pathname, search, hash and href setters with
// their percent-encode sets, and the cases where a URL cannot take them.
const { table, set } = require('./fixtures/setters');
const urls = ['http://example.com/p?q#f', 'http://u:p@example.com:8080/', 'file:///x', 'sc://h/p',
  'sc:opaque', 'sc:op aque  ?q', 'mailto:a b  #f'];
table('username', urls, ['user', 'a b:c@d/e', '\u00e9', '', '%41', "!$&'()*+,;=^`{|}"]);
table('password', urls, ['pass', 'a b:c@d/e', '', '\u00e9']);
table('port', urls, ['81', '80', '0', '65535', '65536', '8080x', 'x8080', '', ' 81', '-1', '1.5', 8081]);
table('pathname', urls, ['/a/b', 'a/b', '/a/../b/./c', '\\a\\b', '/a b?c#d', '', '/%2e/x', '//x', '\u00e9{}']);
table('search', urls, ['?a=1', 'a=1', '', '?', '??', 'a b#c', '\u00e9', "'"]);
table('hash', urls, ['#x', 'x', '', '#', '##', 'a b<>`', '\u00e9']);
table('href', ['http://example.com/'], ['https://other.org/x?y#z', 'not a url', '', '/relative', 'sc:x']);
set('http://example.com/', 'origin', 'http://evil.com');
set('http://example.com/', 'searchParams', 'x=1');
