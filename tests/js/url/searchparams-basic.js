// URLSearchParams: the constructor's inputs (string, pairs, record,
// another instance), every method, and the form-urlencoded serializer.
const p = new URLSearchParams('?a=1&b=2&a=3&c&=x&d=%zz&e=%C3%A9&f=a+b&g=%2B&&h=1=2');
console.log(p.toString(), p.size);
console.log(p.get('a'), p.getAll('a'), p.get('nope'), p.get('c'), p.get(''), p.get('d'), p.get('e'), p.get('f'), p.get('g'), p.get('h'));
console.log(p.has('a'), p.has('a', '3'), p.has('a', '4'), p.has('z'));
p.append('a', 4); p.set('b', 'two'); p.delete('c'); p.delete('a', '1');
console.log(p.toString(), [...p.keys()], [...p.values()]);
p.set('new', 'x y'); p.delete('zzz'); console.log(p.toString());
const q = new URLSearchParams([['x', '1'], ['y', '2'], ['x', '3']]);
console.log(q.toString(), new URLSearchParams(q).toString(), new URLSearchParams(new Map([['m', 'n']])).toString());
console.log(new URLSearchParams({ a: 1, b: [1, 2], c: null, d: undefined, e: { toString() { return 'E'; } } }).toString());
console.log(new URLSearchParams('').toString(), new URLSearchParams().toString(), new URLSearchParams(undefined).size, new URLSearchParams(null).toString());
console.log(new URLSearchParams(12).toString(), new URLSearchParams('?').size, new URLSearchParams('??a=1').toString());
const all = '\u0000\t !"#$%&\'()*+,-./09:;<=>?@AZ[\\]^_`az{|}~\u007f\u0080\u00e9\u4e2d\ud83d\ude00';
const e = new URLSearchParams(); e.append(all, all); console.log(e.toString());
console.log(new URLSearchParams(e.toString()).get(all) === all);
const lone = new URLSearchParams(); lone.append('\ud800', '\udc00x'); console.log(lone.toString());
const s = new URLSearchParams('z=1&a=2&\u00e9=3&b=4&a=1&A=0&\ud83d\ude00=5&\uff41=6');
s.sort(); console.log(s.toString());
const seen = []; s.forEach(function (v, k, obj) { seen.push(`${k}:${v}:${obj === s}:${this.t}`); }, { t: 'T' }); console.log(seen.join(' '));
for (const [k, v] of new URLSearchParams('x=1&y=2')) console.log(k, v);
const it = new URLSearchParams('a=1&b=2').entries(); console.log(it.next(), it.next(), it.next(), Object.prototype.toString.call(it));
const live = new URLSearchParams('a=1&b=2'); const ki = live.keys(); ki.next(); live.append('c', '3'); console.log([...ki]);
console.log(typeof URLSearchParams.prototype[Symbol.iterator], URLSearchParams.prototype[Symbol.iterator] === URLSearchParams.prototype.entries);
console.log(JSON.stringify(new URLSearchParams('a=1')), String(new URLSearchParams('a=b c')));
