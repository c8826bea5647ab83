import { x, keys, sameNs } from './fixtures/more/self.mjs';
import * as ns from './fixtures/more/self.mjs';
console.log(x, keys(), sameNs() === ns);
