import { createRequire } from 'node:module';
import obj from './fixtures/more/obj.json' with { type: 'json' };
import arr from './fixtures/more/arr.json' with { type: 'json' };
const require = createRequire(import.meta.url);
const viaRequire = require('./fixtures/more/obj.json');
console.log(obj, arr, viaRequire, obj === viaRequire);
obj.n = 2;
const again = await import('./fixtures/more/obj.json', { with: { type: 'json' } });
console.log(again.default.n);
