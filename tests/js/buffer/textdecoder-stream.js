'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const d = new TextDecoder();
const bytes = Buffer.from('a€😀é');
const out = [];
for (let i = 0; i < bytes.length; i++) out.push(JSON.stringify(d.decode(bytes.subarray(i, i + 1), { stream: true })));
out.push(JSON.stringify(d.decode()));
console.log(out.join(' '));
t('invalid prefix not held', () => [d.decode(Buffer.from([0xe0, 0x80]), { stream: true }), d.decode()].map((s) => [...s].map((c) => c.charCodeAt(0).toString(16))));
t('held then bad', () => [d.decode(Buffer.from([0xe2]), { stream: true }), d.decode(Buffer.from([0x41]))].map((s) => [...s].map((c) => c.charCodeAt(0).toString(16))));
t('held then end', () => [d.decode(Buffer.from([0xf0, 0x9f, 0x98]), { stream: true }), d.decode()].map((s) => [...s].map((c) => c.charCodeAt(0).toString(16))));
const u = new TextDecoder('utf-16le');
const ub = Buffer.from('a😀', 'utf16le');
const uo = [];
for (let i = 0; i < ub.length; i++) uo.push(JSON.stringify(u.decode(ub.subarray(i, i + 1), { stream: true })));
uo.push(JSON.stringify(u.decode()));
console.log(uo.join(' '));
t('utf16 lone at end', () => [...u.decode(Buffer.from([0x00, 0xd8]))].map((c) => c.charCodeAt(0).toString(16)));
t('utf16 lone + odd', () => [...u.decode(Buffer.from([0x00, 0xd8, 0x41]))].map((c) => c.charCodeAt(0).toString(16)));
t('utf16 reversed pair', () => [...u.decode(Buffer.from([0x00, 0xdc, 0x00, 0xd8]))].map((c) => c.charCodeAt(0).toString(16)));
t('stream options bad', () => d.decode(Buffer.from('a'), 5));
