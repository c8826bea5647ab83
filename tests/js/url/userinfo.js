// Credentials: where the userinfo ends, '@' and ':' inside it, empty
// parts, and credentials on URLs that cannot have them.
const { showAll } = require('./fixtures/show');
showAll(['http://u@h', 'http://u:@h', 'http://:p@h', 'http://:@h', 'http://u:p:q@h', 'http://u@v@h', 'http://u:p@v:q@h',
  'http://@@h', 'http://u@h@', 'http://u@', 'http://u:p@/', 'http://u@:80', 'http://%40@h', 'http://u%3Ap@h', 'http://\u00fc:\u00e9@h',
  'http://u p@h', 'http://u\\p@h', 'http://u/p@h', 'http://u?p@h', 'http://u#p@h', 'sc://u@h', 'sc://u:p@', 'sc://@h', 'sc://u@/x',
  'file://u@h/x', 'file://u:p@/x', 'http://u:p@h:8/p?q@r#f@g', 'http://[::1]@h', 'http://h@[::1]/', 'http://a:b@c:d@e/']);
showAll(['//u:p@h2/x', '//@h2'], 'http://a:b@h/');
