import * as s from './fixtures/more/star-cjs.mjs';
console.log(Object.keys(s), s.one, s.two);
