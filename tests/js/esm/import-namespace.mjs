import * as ns from './fixtures/forms.mjs';
console.log(Object.keys(ns));
console.log(ns.c, ns.fn(), ns.gen().next().value, ns.Klass.name, new ns.Klass().hi());
console.log(ns.objA, ns.objB, ns.objRest, ns.arrA, ns.arrC, ns.arrRest);
console.log(ns['string name'], ns.renamed, typeof ns.afn, typeof ns.agen);
