'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const { File, Blob } = require('buffer');
const f = new File(['abc'], 'f.txt', { type: 'text/plain', lastModified: 42 });
console.log(f, f.name, f.lastModified, f.size, f instanceof Blob, Object.prototype.toString.call(f));
t('missing', () => new File(['a']));
t('name string', () => new File([], 12).name);
t('lastModified str', () => new File([], 'a', { lastModified: '7' }).lastModified);
t('lastModified NaN', () => new File([], 'a', { lastModified: 'x' }).lastModified);
t('now', () => typeof new File([], 'a').lastModified);
t('global', () => globalThis.File === File);
f.text().then((s) => console.log('text', s));
