// Relative references against bases: the RFC 3986 examples (section 5.4)
// and the URL Standard's, special and non-special bases, and bases that
// cannot take a relative reference.
const { showAll, show } = require('./fixtures/show');
const rfc = ['g:h', 'g', './g', 'g/', '/g', '//g', '?y', 'g?y', '#s', 'g#s', 'g?y#s', ';x',
  'g;x', 'g;x?y#s', '', '.', './', '..', '../', '../g', '../..', '../../', '../../g',
  '../../../g', '../../../../g', '/./g', '/../g', 'g.', '.g', 'g..', '..g', './../g', './g/.',
  'g/./h', 'g/../h', 'g;x=1/./y', 'g;x=1/../y', 'g?y/./x', 'g?y/../x', 'g#s/./x', 'g#s/../x',
  'http:g', 'http:/g', 'https:g', '\\g', '\\\\g', '/\\g', '  g  ', 'g\th', '%2e%2e/g',
  '.%2E/g', '%2e', 'g/%2e%2e'];
showAll(rfc, 'http://a/b/c/d;p?q');
showAll(['g', '../g', '/g', '//g', '?y', '#s', '', '..', 'g:h', '\\g'], 'foo://a/b/c/d;p?q');
showAll(['g', '/g', '//g', '?y', '#s', ''], 'foo:/b/c');
showAll(['g', '#s', '', '?y', '/g'], 'mailto:a@b');
showAll(['g', '#s', '//x'], 'about:blank');
showAll(['x', '/x', 'http:x', 'https:x', '//x/y'], 'https://u:p@h:8/a?q#f');
show('x', 'not a url');
show('http://ok/', 'also not');
show('/p', 'data:text/plain,hi');
show('#frag', 'data:text/plain,hi');
