import * as ns from './fixtures/forms.mjs';
const keys = Object.keys(ns);
console.log(keys.join(' '));
console.log(JSON.stringify(keys) === JSON.stringify([...keys].sort()));
