'use strict';
const buf = Buffer.alloc(8);
buf.writeUInt32BE(0x12345678, 0);
buf.writeUInt32LE(0xCAFEBABE, 4);
console.log(buf.readUInt32BE(0).toString(16));
console.log(buf.readUInt32LE(4).toString(16));
console.log(buf);
