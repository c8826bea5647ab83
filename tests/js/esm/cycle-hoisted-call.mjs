import { fromB, helper } from './fixtures/more/cyc-hoist-a.mjs';
console.log(fromB, helper());
