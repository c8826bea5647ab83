// URLs as strings: String(), template literals, concatenation,
// JSON.stringify in structures, Object.keys and spreading (nothing own).
const u = new URL('https://h/p?q=1#f');
console.log(String(u), `${u}`, u + '', JSON.stringify({ u, list: [u] }), Object.keys(u), JSON.stringify({ ...u }));
console.log(u.toString() === u.href, u.toJSON() === u.href, [u].join(','), new URLSearchParams('a=1') + '');
console.log(JSON.stringify(new URLSearchParams('a=1')), Object.keys(new URLSearchParams('a=1')));
const m = new Map([[u.href, 1]]); console.log(m.get(`${u}`));
