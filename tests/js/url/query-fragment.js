// Queries and fragments: '?' and '#' inside them, empty ones, the
// special-query "'" rule, and what relative references keep from a base.
const { showAll } = require('./fixtures/show');
showAll(['http://h/?', 'http://h/??', 'http://h/?#', 'http://h/#?', 'http://h/##', 'http://h/?a?b#c#d', "http://h/?'",
  "sc://h/?'", "http://h/#'", 'http://h/?%', 'http://h/?%zz', 'http://h/?a=\u00e9&b=\ud83d\ude00', 'http://h/#\u00e9 ',
  'http://h/?\u0000\u001f', 'http://h/#\u0000', 'sc:x?a b', 'sc:x#a b', 'sc:?', 'sc:#', 'http://h?x', 'http://h#x',
  'http://h/p?q=1#', 'file:///x?a b', 'file:///x#a b']);
showAll(['?', '#', '?x', '#x', '', '?x#y', '#y?x'], 'http://h/p?q#f');
showAll(['?', '#', ''], 'sc:opaque?q#f');
