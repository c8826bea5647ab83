import { count } from './fixtures/counter.mjs';
export const x = 1;

export function where() {
  return new Error('here').stack.split('\n').find((l) => l.includes('line-numbers.mjs'));
}
const line = where().match(/:(\d+):\d+\)?$/)[1];
console.log('error line', line, count);
try {
  null.f();
} catch (e) {
  console.log('thrown at line', e.stack.split('\n').find((l) => l.includes('line-numbers.mjs')).match(/:(\d+):\d+\)?$/)[1]);
}
