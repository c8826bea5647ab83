// process.env enumerates like an object; keys, entries, JSON, spread.
process.env.NODEC_T_A = 'a';
process.env.NODEC_T_B = 'b';
const keys = Object.keys(process.env).filter(k => k.startsWith('NODEC_T_'));
console.log(keys.sort());
console.log(Object.entries(process.env).filter(([k]) => k.startsWith('NODEC_T_')).sort());
const copy = { ...process.env };
console.log(copy.NODEC_T_A, Object.prototype.hasOwnProperty.call(process.env, 'NODEC_T_B'));
console.log(JSON.parse(JSON.stringify(process.env)).NODEC_T_B);
let n = 0; for (const k in process.env) if (k.startsWith('NODEC_T_')) n++;
console.log('for-in', n);
const d = Object.getOwnPropertyDescriptor(process.env, 'NODEC_T_A');
console.log(d.value, d.writable, d.enumerable, d.configurable);
console.log(typeof process.env, Object.prototype.toString.call(process.env));
