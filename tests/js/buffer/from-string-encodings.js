'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const s = 'héllo wörld €𝄞';
for (const enc of ['utf8', 'utf-8', 'UTF8', 'ucs2', 'ucs-2', 'utf16le', 'utf-16le', 'latin1', 'binary', 'ascii', 'base64', 'base64url', 'hex']) {
  t(enc, () => Buffer.from(s, enc));
}
t('unknown', () => Buffer.from(s, 'utf9'));
t('empty unknown', () => Buffer.from('', 'utf9'));
t('empty enc string', () => Buffer.from('abc', ''));
t('non-string enc', () => Buffer.from('abc', 5));
t('null enc', () => Buffer.from('abc', null));
