import * as f from './fixtures/forms.mjs';
console.log(f.objA, f.objB, JSON.stringify(f.objRest));
console.log(f.arrA, f.arrC, f.arrRest);
console.log(f.gen().next(), f.Klass.name);
console.log(await f.afn(), (await f.agen().next()).value);
console.log(f.default(), f.default.name);
