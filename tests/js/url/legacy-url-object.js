// The Url object: its fields and their order, parse() on an instance,
// format() on plain objects and Url instances, prototype methods.
const url = require('url');
const u = new url.Url();
console.log(Object.keys(u), JSON.stringify(u), typeof url.Url.prototype.parse, typeof url.Url.prototype.resolveObject);
u.parse('http://h/p?q#f');
console.log(JSON.stringify(u), u.format(), u.resolve('x'));
const again = url.parse(u);
console.log(again === u);
const plain = { protocol: 'https:', hostname: 'h', pathname: '/p', search: '?q', hash: '#f' };
console.log(url.format(plain), url.Url.prototype.format.call(plain));
console.log(url.parse('http://h/p') instanceof url.Url, url.parse('http://h/p').constructor === url.Url);
console.log(url.format(url.parse('http://u:p@h:8/a?b#c')), url.resolveObject('http://h/a/b', 'c').href);
