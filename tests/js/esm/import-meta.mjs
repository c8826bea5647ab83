const clean = (s) => String(s).split(process.cwd()).join('.');
console.log(clean(import.meta.url), clean(import.meta.filename), clean(import.meta.dirname));
console.log(Object.keys(import.meta), Object.getPrototypeOf(import.meta));
console.log(clean(import.meta.resolve('./fixtures/counter.mjs')));
console.log(import.meta.resolve('node:path'), import.meta.resolve('path'));
console.log(clean(import.meta.resolve('cond-pkg')), clean(import.meta.resolve('#counter')));
console.log(import.meta.url.startsWith('file:///'), typeof import.meta.resolve);
