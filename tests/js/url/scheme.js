// The scheme state: which characters a scheme may hold, case folding,
// and inputs that fall back to "no scheme" (relative against a base).
const { showAll } = require('./fixtures/show');
const inputs = ['a:', 'A:', 'a1:', '1a:', 'a+:', 'a-:', 'a.:', 'a_:', 'a~:', 'a%3a:', 'ä:', 'a b:', ':', '::', 'a::',
  'HTTPS://H', 'hTtP://h', 'Http:/h', 'fIlE:///x', 'Ws://h', 'WSS://H:443', 'FTP://h:21/', 'javascript:x', 'JavaScript:x',
  'http+unix://x', 'web+app:x', 'git+https://h/x', 'c:/x', 'c:\\x', 'C|/x', 'ab:/x', 'a:/\\x', 'x:y:z', 'a:b#c?d'];
showAll(inputs);
showAll(['a:', '1a:', ':', 'ä:', 'a b:', 'c:/x', 'C|/x'], 'http://base/dir/');
showAll(['c:/x', 'C|/x', 'c:', 'C|'], 'file:///base/dir/');
