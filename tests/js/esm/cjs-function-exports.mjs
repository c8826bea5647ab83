import fn, { extra } from './fixtures/fnexp.cjs';
import * as ns from './fixtures/fnexp.cjs';
console.log(fn(), extra, Object.keys(ns));
import esm, { other } from './fixtures/esmodule.cjs';
import * as esns from './fixtures/esmodule.cjs';
console.log(esm, other, Object.keys(esns));
