import * as r from './fixtures/reexport.mjs';
import { forms, reFn, formsDefault, c, increment, count } from './fixtures/reexport.mjs';
console.log(Object.keys(r));
console.log(r.default, reFn(), formsDefault(), c, forms.c);
console.log(increment(), count, r.count);
console.log(Object.prototype.toString.call(forms), forms === r.forms);
