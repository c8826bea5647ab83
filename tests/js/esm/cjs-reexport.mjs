import * as re from './fixtures/reexp.cjs';
import * as sp from './fixtures/spread.cjs';
console.log(Object.keys(re));
console.log(Object.keys(sp), sp.default.own);
