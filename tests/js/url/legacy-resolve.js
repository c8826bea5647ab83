// url.resolve and url.resolveObject: the RFC 3986 examples as Node
// resolves them, hosts from '//', protocol changes, non-slashed
// protocols whose host is the first path segment, and '..' past the root.
const url = require('url');
const base = 'http://a/b/c/d;p?q';
const rels = ['g:h', 'g', './g', 'g/', '/g', '//g', '?y', 'g?y', '#s', 'g#s', 'g?y#s', ';x', 'g;x', '', '.', './',
  '..', '../', '../g', '../..', '../../', '../../g', '../../../g', '../../../../g', '/./g', '/../g', 'g.', '.g', 'g..',
  '..g', './../g', './g/.', 'g/./h', 'g/../h', 'http:g', 'https:g', 'http://x/y', 'HTTP://X/Y'];
for (const r of rels) console.log(JSON.stringify(r), url.resolve(base, r));
const pairs = [['/one/two/three', 'four'], ['http://example.com/', '/one'], ['http://example.com/one', '/two'],
  ['mailto:a@b', 'c@d'], ['mailto:local1@domain1', 'local2@domain2'], ['mailto:a@b', '?subject=x'], ['mailto:a@b', '../x'],
  ['http://a/b', '//c/d'], ['http://a/b', '//c'], ['http://a/b/', '?y'], ['foo/bar', '../../baz'], ['foo/bar', './baz'],
  ['http://a/b', ''], ['http://u:p@a/b', '/c'], ['http://u:p@a/b', '//x/c'], ['http://a', 'b'], ['http://a/b/c', '../../../..'],
  ['file:///a/b', '../c'], ['file:///a/b', 'file:c'], ['http://a/b', 'file:c'], ['http://a/b', 'mailto:x'], ['sc:/a/b', 'c'],
  ['sc://h/a/b', '../../c'], ['', 'x'], ['/', '..'], ['http://a/b?x', '#f'], ['http://a/b#f', '?q'], ['.', 'x'], ['a/b/', '.'],
  ['http://a/b/c/', '..'], ['http://a/b/c/.', ''], ['javascript:x', 'y'], ['http://a/b', 'https://c'], ['http://a/b', 'https:/c/d'],
  ['http://a/b', 'ftp:c/d'], ['http://a:8/b', 'http:c']];
for (const [a, b] of pairs) console.log(JSON.stringify(a), JSON.stringify(b), JSON.stringify(url.resolve(a, b)));
const ro = url.resolveObject('http://a/b/c', '../d?x=1#h');
console.log(ro instanceof url.Url, JSON.stringify(ro));
console.log(JSON.stringify(url.resolveObject('', 'x')), JSON.stringify(url.parse('http://a/b').resolveObject('c')));
console.log(url.parse('http://a/b/c').resolve('d'));
