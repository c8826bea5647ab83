'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const b = Buffer.alloc(8);
t('float LE', () => [b.writeFloatLE(1.5), b, b.readFloatLE()]);
t('float BE', () => [b.writeFloatBE(-0.1, 4), b, b.readFloatBE(4)]);
t('double LE', () => [b.writeDoubleLE(Math.PI), b, b.readDoubleLE()]);
t('double BE', () => [b.writeDoubleBE(-1e300), b, b.readDoubleBE()]);
t('specials', () => [NaN, Infinity, -Infinity, -0, 3.4e39, 1e-46].map((v) => { b.writeFloatBE(v); return [b.toString('hex', 0, 4), b.readFloatBE()]; }));
t('double -0', () => { b.writeDoubleLE(-0); return [b, Object.is(b.readDoubleLE(), -0)]; });
t('string value', () => { b.writeDoubleBE('2.5'); return b.readDoubleBE(); });
t('undefined value', () => { b.writeFloatLE(); return b.readFloatLE(); });
t('oob', () => b.readDoubleLE(1));
t('oob write', () => b.writeFloatBE(1, 5));
t('neg', () => b.readFloatLE(-1));
t('float offset', () => b.readFloatLE(0.5));
t('empty', () => Buffer.alloc(2).readFloatBE());
t('short', () => Buffer.alloc(4).writeDoubleBE(1));
