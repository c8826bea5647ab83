'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const e = new TextEncoder();
t('encoding', () => e.encoding);
t('encode', () => e.encode('héllo€'));
t('encode none', () => e.encode());
t('encode undefined', () => e.encode(undefined));
t('encode num', () => e.encode(123));
t('encode null', () => e.encode(null));
t('lone surrogate', () => e.encode('\ud800'));
t('not buffer', () => Buffer.isBuffer(e.encode('a')));
t('into', () => { const u = new Uint8Array(4); return [e.encodeInto('a€b', u), u]; });
t('into short', () => { const u = new Uint8Array(3); return [e.encodeInto('a😀', u), u]; });
t('into surrogate', () => { const u = new Uint8Array(8); return [e.encodeInto('\ud800x', u), u]; });
t('into buffer', () => { const u = Buffer.alloc(2); return [e.encodeInto('hi', u), u]; });
t('into bad dest', () => e.encodeInto('a', []));
t('into bad src', () => e.encodeInto(1, new Uint8Array(1)));
t('inspect', () => e);
t('this', () => TextEncoder.prototype.encode.call({}, 'a'));
t('tag', () => Object.prototype.toString.call(e));
