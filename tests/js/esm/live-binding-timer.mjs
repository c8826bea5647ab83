import { status, value } from './fixtures/tla-value.mjs';
console.log(value, status);
setTimeout(() => console.log(status), 20);
