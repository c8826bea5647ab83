import { K, obj } from './fixtures/syn/keywords-in-classes.mjs';
const k = new K();
k.export = 5;
console.log(k.import, k.v, (await K.import().next()).value, k.await(), K.from);
console.log(obj.import, await obj.export(), obj.await().next().value);
