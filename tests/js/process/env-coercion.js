// process.env stores strings only, coerces on assignment, deletes.
process.env.NODEC_T_NUM = 42;
process.env.NODEC_T_BOOL = true;
process.env.NODEC_T_UNDEF = undefined;
process.env.NODEC_T_NULL = null;
process.env.NODEC_T_OBJ = { a: 1 };
for (const k of ['NODEC_T_NUM', 'NODEC_T_BOOL', 'NODEC_T_UNDEF', 'NODEC_T_NULL', 'NODEC_T_OBJ']) {
  console.log(k, typeof process.env[k], JSON.stringify(process.env[k]));
}
try { process.env.NODEC_T_SYM = Symbol('s'); } catch (e) { console.log(e.name, e.message); }
console.log('delete', delete process.env.NODEC_T_NUM, process.env.NODEC_T_NUM, 'NODEC_T_NUM' in process.env);
console.log('delete missing', delete process.env.NODEC_T_NOPE);
console.log(process.env.NODEC_T_MISSING, 'NODEC_T_BOOL' in process.env);
