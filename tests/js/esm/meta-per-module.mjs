import { meta, url } from './fixtures/more/meta-here.mjs';
console.log(meta === import.meta, url === import.meta.url, url.endsWith('/fixtures/more/meta-here.mjs'));
import.meta.custom = 'writable';
console.log(import.meta.custom, Object.keys(import.meta).includes('custom'));
console.log(typeof import.meta.resolve('./x.mjs'), import.meta.resolve('./x.mjs').endsWith('/esm/x.mjs'));
