// url.format(url.parse(s)) for a table of URLs: what survives, what is
// escaped, what is added ('/' after a host).
const url = require('url');
const inputs = ['http://h', 'http://h/', 'HTTP://U:P@H:8/P?Q#F', 'http://h/a b', 'http://h/?a b', 'http://h/#a b',
  'http://h/a#b#c', 'http://h/a?b?c', 'mailto:a@b', 'news:comp.lang', 'javascript:void(0)', 'file:///x', 'file:x', 'sc://h',
  'sc:h', '//h/p', '/p', 'p', '?q', '#f', 'http://[::1]:8/', 'http://u%40x:p%3Ay@h/', 'http://h/%zz', 'http://h/\u00e9',
  'http://\u00e9/', 'HTTP://h/', 'ws://h', 'https://h:443/', 'http:/p', 'http:p', 'a:b:c'];
for (const s of inputs) console.log(JSON.stringify(s), JSON.stringify(url.format(url.parse(s))), JSON.stringify(url.parse(s).href));
