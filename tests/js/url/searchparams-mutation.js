// Changing URLSearchParams while iterating: forEach and iterators see the
// live list; delete and set while iterating skip and repeat as in Node.
const p = new URLSearchParams('a=1&b=2&c=3&d=4');
const seen = [];
p.forEach((v, k) => { seen.push(k); if (k === 'a') p.delete('b'); if (k === 'c') p.append('e', '5'); });
console.log(seen.join(','), p.toString());
const q = new URLSearchParams('a=1&b=2&c=3');
const out = [];
for (const [k] of q) { out.push(k); if (k === 'a') q.delete('a'); }
console.log(out.join(','), q.toString());
const r = new URLSearchParams('x=1');
const it = r.values();
r.set('x', '2'); r.append('y', '3');
console.log([...it]);
const s = new URLSearchParams('a=1&a=2&b=3&a=4');
s.set('a', 'z'); console.log(s.toString());
s.delete('a', 'z'); console.log(s.toString(), s.size);
s.append('b', '3'); s.delete('b', '3'); console.log(JSON.stringify(s.toString()), s.size, s.has('b'));
const u = new URL('http://h/?q=1');
const sp = u.searchParams;
u.search = '?r=2';
console.log(sp.get('q'), sp.get('r'));
u.hash = 'x'; u.pathname = '/p'; console.log(sp.toString(), u.href);
