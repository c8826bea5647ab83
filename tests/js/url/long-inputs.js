// Long inputs: many path segments, long hosts and labels, long queries,
// many parameters; lengths and ends are printed, not the whole strings.
const seg = new URL(`http://h/${'a/'.repeat(5000)}end`);
console.log(seg.pathname.length, seg.pathname.slice(-8));
const dots = new URL(`http://h/${'x/../'.repeat(3000)}y`);
console.log(dots.pathname);
const host = new URL(`http://${'a'.repeat(300)}.${'b'.repeat(70)}.com/`);
console.log(host.hostname.length);
const q = new URL(`http://h/?${'k=v&'.repeat(10000)}`);
console.log(q.search.length, q.searchParams.size);
const idn = new URL(`http://${'\u00e9'.repeat(100)}.com/`);
console.log(idn.hostname.length, idn.hostname.slice(0, 12));
const enc = new URL(`http://h/${' '.repeat(10000)}`);
console.log(enc.pathname.length);
const p = new URLSearchParams();
for (let i = 0; i < 5000; i++) p.append(`k${i % 7}`, `${i}`);
p.sort();
console.log(p.toString().length, p.getAll('k3').length, p.get('k6'));
