import * as s from './fixtures/star-same.mjs';
console.log(Object.keys(s));
console.log(s.count, s.increment(), s.count);
