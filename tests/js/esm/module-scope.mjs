var topVar = 'not global';
function topFn() {}
console.log(globalThis.topVar, typeof globalThis.topFn, topVar);
import './fixtures/side-effect.mjs';
console.log(typeof sideEffects);
