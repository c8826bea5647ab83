import { 'héllo' as h, 'with space' as ws } from './fixtures/more/unicode-names.mjs';
import * as ns from './fixtures/more/unicode-names.mjs';
console.log(h, ws, Object.keys(ns));
