'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const src = Buffer.from('abcdef');
t('basic', () => { const d = Buffer.alloc(4); return [src.copy(d), d.toString()]; });
t('target start', () => { const d = Buffer.alloc(4, '.'); return [src.copy(d, 2), d.toString()]; });
t('source range', () => { const d = Buffer.alloc(4, '.'); return [src.copy(d, 1, 2, 4), d.toString()]; });
t('overlap fwd', () => { const b = Buffer.from('abcdef'); return [b.copy(b, 2, 0, 4), b.toString()]; });
t('overlap back', () => { const b = Buffer.from('abcdef'); return [b.copy(b, 0, 2), b.toString()]; });
t('target beyond', () => src.copy(Buffer.alloc(2), 5));
t('target neg', () => src.copy(Buffer.alloc(2), -1));
t('source neg', () => src.copy(Buffer.alloc(2), 0, -1));
t('source past', () => src.copy(Buffer.alloc(2), 0, 7));
t('source end neg', () => src.copy(Buffer.alloc(2), 0, 0, -1));
t('source end big', () => { const d = Buffer.alloc(10, '.'); return [src.copy(d, 0, 4, 100), d.toString()]; });
t('strings', () => { const d = Buffer.alloc(4, '.'); return [src.copy(d, '1', '1', '3'), d.toString()]; });
t('NaN', () => { const d = Buffer.alloc(4, '.'); return [src.copy(d, NaN, NaN), d.toString()]; });
t('floats', () => { const d = Buffer.alloc(4, '.'); return [src.copy(d, 1.7, 1.2, 3.9), d.toString()]; });
t('bad target', () => src.copy([1, 2]));
t('to u16', () => { const u = new Uint16Array(2); return [src.copy(u), u]; });
t('start >= end', () => src.copy(Buffer.alloc(4), 0, 3, 3));
