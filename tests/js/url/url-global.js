// The URL and URLSearchParams globals: installed on first touch as plain
// non-enumerable properties, replaceable and deletable, and the same
// classes node:url exports.
const before = Object.getOwnPropertyDescriptor(globalThis, 'URLSearchParams');
console.log(typeof before, 'URLSearchParams' in globalThis, Object.keys(globalThis).includes('URL'));
const U = URL;
const d = Object.getOwnPropertyDescriptor(globalThis, 'URL');
console.log(typeof d.value, d.writable, d.enumerable, d.configurable);
console.log(U === require('url').URL, URLSearchParams === require('node:url').URLSearchParams);
globalThis.URL = 42;
console.log(URL, typeof require('url').URL);
delete globalThis.URLSearchParams;
console.log(typeof globalThis.URLSearchParams, typeof require('url').URLSearchParams);
globalThis.URL = U;
console.log(new URL('http://back/').href);
