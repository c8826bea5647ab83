// structuredClone: circular and shared references keep their shape.
const o = { n: 1 };
o.self = o;
o.arr = [o, o];
const c = structuredClone(o);
console.log(c.self === c, c.arr[0] === c, c.arr[1] === c, c !== o);
const s = { v: 1 };
const pair = structuredClone({ a: s, b: s, list: [s] });
console.log(pair.a === pair.b, pair.a === pair.list[0], pair.a !== s);
const m = new Map();
m.set('me', m);
const mc = structuredClone(m);
console.log(mc.get('me') === mc);
const set = new Set();
const holder = { set };
set.add(holder);
const hc = structuredClone(holder);
console.log([...hc.set][0] === hc);
const e = new Error('err');
const ring = { e };
e.cause = ring;
const rc = structuredClone(ring);
console.log('error cause back to its holder', rc.e.cause === rc, rc.e.message);
const selfCause = new Error('loop');
selfCause.cause = { back: selfCause };
try { structuredClone(selfCause); } catch (err) { console.log('cause back to the error:', err.name, err.message); }
const date = new Date(0);
const dates = structuredClone([date, date]);
console.log(dates[0] === dates[1]);
