import './fixtures/side-effect.mjs';
import './fixtures/side-effect.mjs';
import * as again from './fixtures/side-effect.mjs';
console.log('after imports', globalThis.sideEffects, Object.keys(again));
