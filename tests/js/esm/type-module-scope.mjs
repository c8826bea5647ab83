import { kind, hasRequire } from './fixtures/typed-module/mod.js';
import legacy from './fixtures/typed-module/legacy.cjs';
import cjsMod from './fixtures/typed-cjs/mod.js';
import { kind as mjsKind } from './fixtures/typed-cjs/mod.mjs';
console.log(kind, hasRequire);
console.log(legacy.kind, legacy.hasRequire);
console.log(cjsMod.kind, mjsKind);
