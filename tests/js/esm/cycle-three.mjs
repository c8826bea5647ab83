import { a } from './fixtures/more/cyc3-a.mjs';
import { later } from './fixtures/more/cyc3-c.mjs';
console.log('main', a, later());
