'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const { Blob } = require('buffer');
const b = new Blob(['héllo', new Uint8Array([65, 66]), new Blob(['xy'])], { type: 'Text/Plain' });
console.log(b, b.size, b.type);
t('proto', () => Object.getOwnPropertyNames(Blob.prototype));
t('sequence', () => new Blob('abc'));
t('endings', () => new Blob([], { endings: 'x' }));
t('stringified', () => new Blob([1, {}, null]).size);
t('type non-ascii', () => JSON.stringify(new Blob(['a'], { type: 'é' }).type));
t('native endings', () => new Blob(['a\r\nb\n'], { endings: 'native' }).size);
t('slices', () => [b.slice(-3).size, b.slice(2, 1).size, b.slice(undefined, 4).size, b.slice(1, 3, 'X/Y').type]);
t('copy semantics', () => { const u = new Uint8Array([1]); const bl = new Blob([u]); u[0] = 2; return bl.size; });
t('tag', () => [String(b), b instanceof Blob]);
(async () => {
  console.log(await b.text());
  console.log(await b.slice(1, -1).arrayBuffer());
  console.log(await b.slice(0, 3).bytes());
  const u = new Uint8Array([9]);
  const bl = new Blob([u]);
  u[0] = 8;
  console.log(await bl.bytes());
})();
