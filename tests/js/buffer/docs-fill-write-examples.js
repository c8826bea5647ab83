'use strict';
console.log(Buffer.allocUnsafe(50).fill('h').toString());
console.log(Buffer.alloc(5, 'a'), Buffer.alloc(11, 'aGVsbG8gd29ybGQ=', 'base64'));
console.log(Buffer.allocUnsafe(5).fill('\u0222'));
const buf = Buffer.allocUnsafe(5);
console.log(buf.fill('a'), buf.fill('aazz', 'hex'));
try { buf.fill('zz', 'hex'); } catch (e) { console.log(e.code, e.message); }
const b = Buffer.allocUnsafe(6);
b.writeUIntBE(0x1234567890ab, 0, 6);
console.log(b, b.readUIntBE(0, 6).toString(16), b.readIntLE(0, 6).toString(16));
b.writeIntLE(-0x1234567890ab, 0, 6);
console.log(b, b.readIntLE(0, 6));
const f = Buffer.allocUnsafe(8);
f.writeDoubleBE(123.456, 0);
console.log(f, f.readDoubleBE(0));
f.writeFloatLE(0xcafebabe, 0);
console.log(f.subarray(0, 4), f.readFloatLE(0));
