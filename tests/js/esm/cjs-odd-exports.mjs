import n from './fixtures/more/null.cjs';
import * as nns from './fixtures/more/null.cjs';
import num from './fixtures/more/number.cjs';
import * as dashed from './fixtures/more/dashed.cjs';
console.log(n, Object.keys(nns), num, dashed['a-b'], Object.keys(dashed));
