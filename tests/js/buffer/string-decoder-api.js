'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const { StringDecoder } = require('string_decoder');
t('default', () => new StringDecoder().encoding);
t('names', () => ['UTF-8', 'ucs2', 'UCS-2', 'utf-16le', 'base64url', 'HEX'].map((e) => new StringDecoder(e).encoding));
t('unknown', () => new StringDecoder('nope'));
t('write string', () => new StringDecoder().write('abc'));
t('write bad', () => new StringDecoder().write(5));
t('write null', () => new StringDecoder().write(null));
t('write u16', () => new StringDecoder().write(new Uint16Array([0x6261])));
t('write dataview', () => new StringDecoder().write(new DataView(Buffer.from('ok').buffer, Buffer.from('ok').byteOffset, 2)));
t('end string', () => new StringDecoder().end('x'));
t('text', () => new StringDecoder().text(Buffer.from('hello'), 2));
t('lastChar', () => { const d = new StringDecoder(); d.write(Buffer.from([0xe2, 0x82])); return [d.lastChar, d.lastNeed, d.lastTotal]; });
t('write empty', () => JSON.stringify(new StringDecoder().write(Buffer.alloc(0))));
t('inspect', () => require('util').inspect(new StringDecoder('hex')).split('\n')[0]);
