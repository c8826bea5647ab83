import * as def from './fixtures/counter.mjs';
import { count, increment } from './fixtures/counter.mjs';
import forms, { c, l, l2, v } from './fixtures/forms.mjs';
console.log(typeof def, count, typeof increment);
console.log(forms(), forms.name, c, l, l2, v);
