import { b, fromB } from './fixtures/cycle-b.mjs';
console.log('main:', b, fromB());
