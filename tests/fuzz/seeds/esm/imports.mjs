import def, { a, b as c, "d-e" as f } from './m.js';
import * as ns from "./ns.mjs";
import './side.mjs';
import data from './d.json' with { type: 'json' };
export { a, c as "x y" };
export * from './r.mjs';
export * as star from './s.mjs';
export { default as d2, q } from './t.mjs';
export default class { m() { return import('./late.mjs'); } }
