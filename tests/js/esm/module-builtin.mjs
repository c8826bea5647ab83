import { createRequire, builtinModules, isBuiltin } from 'node:module';
import Module from 'module';
const require = createRequire(import.meta.url);
console.log(typeof require.resolve, isBuiltin('node:path'), isBuiltin('nope'), Array.isArray(builtinModules));
console.log(typeof Module.createRequire, require('./fixtures/lib.cjs').named);
