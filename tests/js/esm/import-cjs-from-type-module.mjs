import legacy from './fixtures/typed-module/legacy.cjs';
import { kind } from './fixtures/typed-module/mod.js';
import { createRequire } from 'module';
const require = createRequire(import.meta.url);
const viaRequire = require('./fixtures/typed-module/mod.js');
console.log(legacy.kind, kind, viaRequire.kind, Object.keys(viaRequire));
