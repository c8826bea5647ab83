import * as direct from './fixtures/counter.mjs';
const dyn = await import('./fixtures/counter.mjs');
const viaUrl = await import(import.meta.url.replace(/[^/]*$/, 'fixtures/counter.mjs'));
console.log(direct === dyn, dyn === viaUrl);
