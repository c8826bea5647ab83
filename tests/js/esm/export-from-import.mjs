import { reexported, twice } from './fixtures/import-then-export.mjs';
import * as ns from './fixtures/import-then-export.mjs';
console.log(reexported, twice, Object.keys(ns));
