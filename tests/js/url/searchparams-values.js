// has() and delete() with a value argument (undefined means none), get
// and getAll after set/append of non-string values converted to strings.
const p = new URLSearchParams('a=1&a=2&b=undefined&c=null');
console.log(p.has('a', '2'), p.has('a', 2), p.has('a', undefined), p.has('b', undefined), p.has('b', 'undefined'), p.has('c', null));
p.delete('a', undefined); console.log(p.toString());
p.delete('c', null); console.log(p.toString());
p.append('n', 1.5); p.append('o', { toString() { return 'obj'; } }); p.append(null, undefined); p.append(true, [1, 2]);
console.log(p.toString(), p.get('null'), p.get(null), p.getAll('true'), p.get('n'));
p.set(undefined, 'x'); console.log(p.get('undefined'), p.toString());
