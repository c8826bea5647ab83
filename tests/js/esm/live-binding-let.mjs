import { count, increment, reset } from './fixtures/counter.mjs';
import * as ns from './fixtures/counter.mjs';
const seen = [count];
increment(); seen.push(count, ns.count);
increment(); seen.push(count, ns.count);
reset(); seen.push(count, ns.count);
console.log(seen.join(','));
