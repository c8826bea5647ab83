// url.searchParams and url.search stay in sync both ways, and the seed
// notes' "URL parsing" samples.
const u = new URL('https://api.example.com/v1/users?id=42&active=true');
console.log(u.hostname, u.pathname, u.searchParams.get('id'), u.searchParams.get('active'));
const b = new URL('https://api.example.com');
b.pathname = '/v1/users';
b.searchParams.set('id', '42');
console.log(b.toString());
const sp = b.searchParams;
console.log(sp === b.searchParams);
b.search = '?x=1&y=2'; console.log([...sp], sp.toString());
b.href = 'http://h/?k=v'; console.log([...sp]);
sp.append('a b', 'c&d'); console.log(b.href, b.search);
sp.delete('k'); sp.delete('a b'); console.log(JSON.stringify(b.href), JSON.stringify(b.search));
b.search = ''; console.log(sp.size, b.href);
const o = new URL('sc:opaque  ?q=1'); console.log(JSON.stringify(o.href));
o.searchParams.delete('q'); console.log(JSON.stringify(o.href), JSON.stringify(o.pathname));
const h = new URL('sc:op  ?q#f'); h.searchParams.delete('q'); console.log(JSON.stringify(h.href));
const q = new URL('http://h/?a=%20b+c&d=%zz'); console.log(q.searchParams.get('a'), q.searchParams.get('d'), q.search);
q.searchParams.sort(); console.log(q.search);
const hashy = new URL('http://h/#frag'); hashy.searchParams.set('x', '#y'); console.log(hashy.href);
const tick = new URL("http://h/?a='b"); console.log(tick.search, tick.searchParams.toString());
tick.searchParams.set('c', "'"); console.log(tick.href);
