import { value, bump, obj } from './fixtures/mutable.mjs';
console.log(value, obj.n);
bump();
console.log(value, obj.n);
obj.n = 10;
import { obj as obj2 } from './fixtures/mutable.mjs';
console.log(obj2.n);
