import * as m from './fixtures/syn/asi-exports.mjs';
console.log(Object.keys(m), m.a, m.b, m.c, m.d, m.e, m.f, m.g(), new m.H() instanceof Array);
