'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const { transcode } = require('buffer');
t('utf8->ucs2', () => transcode(Buffer.from('€a'), 'utf8', 'ucs2'));
t('ucs2->utf8', () => transcode(Buffer.from('€a', 'ucs2'), 'ucs2', 'utf8'));
t('utf8->latin1', () => transcode(Buffer.from('é€a'), 'utf8', 'latin1'));
t('latin1->utf8', () => transcode(Buffer.from([0xe9, 0xff]), 'latin1', 'utf8'));
t('utf8->ascii', () => transcode(Buffer.from('é€a'), 'utf8', 'ascii'));
t('utf16le names', () => transcode(Buffer.from('hi'), 'utf-8', 'utf16le'));
t('binary', () => transcode(Buffer.from('hi'), 'utf8', 'binary'));
t('bad enc', () => transcode(Buffer.from('hi'), 'utf8', 'hex'));
t('bad source', () => transcode('hi', 'utf8', 'ucs2'));
t('empty', () => transcode(Buffer.alloc(0), 'utf8', 'ucs2'));
t('isBuffer', () => Buffer.isBuffer(transcode(Buffer.from('a'), 'utf8', 'latin1')));
