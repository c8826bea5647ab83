// sort(): stable for equal names, ordered by UTF-16 code units (so
// astral characters sort by their surrogates), and written back to the URL.
const p = new URLSearchParams('z=1&a=2&\u00e9=3&b=4&a=1&A=0&\ud83d\ude00=5&\uff41=6&a=0&=e&\ufb03=7&\ud7ff=8&\ue000=9');
p.sort();
console.log([...p.keys()].map((k) => JSON.stringify(k)).join(' '), p.toString());
const u = new URL('http://h/?c=3&b=2&a=1&b=1#f');
u.searchParams.sort();
console.log(u.href, u.search);
const e = new URLSearchParams(); e.sort(); console.log(JSON.stringify(e.toString()));
const big = new URLSearchParams();
for (let i = 0; i < 50; i++) big.append(String.fromCharCode(0x61 + (i * 7) % 5), String(i));
big.sort(); console.log(big.toString());
