// querystring.stringify(querystring.parse(s)) and back, for strings with
// every kind of character, including what escape leaves alone.
const qs = require('querystring');
const inputs = ['a=1&b=2', 'a=1&a=2', 'a&b', 'a=&=b', 'sp=a+b&pct=a%20b', 'u=%C3%A9%E4%B8%AD', 'bad=%zz%', 'k=v=w',
  "safe=-_.!~*'()", 'reserved=%3B%2F%3F%3A%40%26%3D%2B%24%2C', 'emoji=%F0%9F%98%80'];
for (const s of inputs) {
  const o = qs.parse(s);
  const back = qs.stringify(o);
  console.log(JSON.stringify(s), JSON.stringify(back), JSON.stringify(qs.parse(back)) === JSON.stringify(o));
}
const all = {};
for (let c = 0x20; c < 0x7f; c++) all[`k${c}`] = String.fromCharCode(c);
console.log(qs.stringify(all));
console.log(qs.stringify({ '': '', ' ': ' ', a: ['', ''] }), qs.stringify({ a: [[1, 2], { b: 1 }] }));
