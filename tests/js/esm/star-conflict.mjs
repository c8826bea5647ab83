import * as both from './fixtures/star-both.mjs';
console.log(Object.keys(both));
console.log(both.onlyA, both.onlyB, both.own, 'shared' in both, both.default);
try {
  await import('./fixtures/star-conflict-import.mjs');
} catch (e) {
  console.log(e.name, e.message);
}
