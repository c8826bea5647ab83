'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
t('default', () => new TextDecoder());
t('labels', () => ['utf8', ' UTF-8 ', 'unicode-1-1-utf-8', 'utf-16', 'utf-16le', 'UCS-2', 'utf-16be', 'latin1', 'ascii', 'iso-8859-1', 'windows-1252', 'us-ascii'].map((l) => new TextDecoder(l).encoding));
t('unsupported', () => new TextDecoder('foo'));
t('options bad', () => new TextDecoder('utf8', 5));
t('options null', () => new TextDecoder('utf8', null).fatal);
t('flags', () => { const d = new TextDecoder('utf8', { fatal: 1, ignoreBOM: 'yes' }); return [d.fatal, d.ignoreBOM]; });
t('decode', () => new TextDecoder().decode(Buffer.from('héllo')));
t('decode none', () => JSON.stringify(new TextDecoder().decode()));
t('decode ab', () => new TextDecoder().decode(new Uint8Array([104, 105]).buffer));
t('decode u16', () => new TextDecoder().decode(new Uint16Array([0x6968])));
t('decode dataview', () => new TextDecoder().decode(new DataView(new Uint8Array([111, 107]).buffer)));
t('decode string', () => new TextDecoder().decode('x'));
t('decode null', () => new TextDecoder().decode(null));
t('invalid', () => [...new TextDecoder().decode(Buffer.from('ff41c0afe282', 'hex'))].map((c) => c.charCodeAt(0).toString(16)));
t('latin1', () => [...new TextDecoder('latin1').decode(Buffer.from([0x41, 0x80, 0x9f, 0xe9]))].map((c) => c.charCodeAt(0)));
t('utf16be', () => new TextDecoder('utf-16be').decode(Buffer.from([0, 0x68, 0, 0x69])));
t('tag', () => Object.prototype.toString.call(new TextDecoder()));
t('this', () => TextDecoder.prototype.decode.call({}));
