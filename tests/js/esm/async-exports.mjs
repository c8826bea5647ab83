import { delayed, counter } from './fixtures/async-fns.mjs';
console.log(await delayed(3), counter());
for await (const v of counter.gen()) console.log('gen', v);
