// url.js - `new URL()` throughput over 100 000 varied URLs.
// Prints one line: bench=url_parse impl=<impl> value=<URLs/s> unit=urls/s
// (impl from argv[2]), the median of 5 timed passes after a warm-up.
// Time is the process's CPU time (user + system), not wall time: the
// machines are shared, and CPU time is what a parse costs.
'use strict';
const impl = process.argv[2] || 'node';
const N = 100000;
const hosts = ['example.com', 'www.EXAMPLE.org', 'a.b.c.d.e.net', '127.0.0.1',
  '[::1]', 'xn--nxasmq6b.com', 'sub.domain.co.uk', 'localhost'];
const paths = ['/', '/index.html', '/a/b/../c/./d', '/search', '/%7Euser/file',
  '/path with space/x', '/api/v1/items/12345', ''];
const queries = ['', '?q=1', '?a=1&b=2&c=3', '?x=%20y', '?utf=\u00e9'];
const frags = ['', '#top', '#frag ment'];
const schemes = ['http://', 'https://', 'ws://', 'ftp://'];
const inputs = [];
for (let i = 0; i < N; i++) {
  const s = schemes[i % 4];
  const h = hosts[(i >> 2) % hosts.length];
  const p = paths[(i >> 5) % paths.length];
  const q = queries[(i >> 3) % queries.length];
  const f = frags[i % 3];
  const port = i % 7 === 0 ? ':8080' : '';
  inputs.push(s + h + port + p + q + f + (i % 11 === 0 ? '' : ''));
}
function pass() {
  let n = 0;
  const t0 = process.cpuUsage();
  for (let i = 0; i < N; i++) n += new URL(inputs[i]).href.length;
  const t1 = process.cpuUsage(t0);
  if (n === 0) throw new Error('nothing parsed');
  return N / ((t1.user + t1.system) / 1e6);
}
pass();
const rates = [];
for (let r = 0; r < 5; r++) rates.push(pass());
rates.sort((a, b) => a - b);
console.log(`bench=url_parse impl=${impl} value=${Math.round(rates[2])} unit=urls/s`);
