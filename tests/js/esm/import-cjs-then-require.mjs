import { createRequire } from 'module';
import lib from './fixtures/lib.cjs';
const require = createRequire(import.meta.url);
console.log(require('./fixtures/lib.cjs') === lib, require.resolve('./fixtures/lib.cjs').endsWith('lib.cjs'));
