import { value } from './fixtures/tla-value.mjs';
console.log(value);
const x = await new Promise((r) => setTimeout(() => r('main awaited'), 2));
console.log(x);
for await (const v of [Promise.resolve(1), 2]) console.log('for await', v);
