'use strict';
const names = Object.getOwnPropertyNames(Buffer.prototype).sort();
console.log(names.length);
console.log(names.join(' '));
console.log(Buffer.prototype.readUint8 === Buffer.prototype.readUInt8, Buffer.prototype.writeBigUint64LE === Buffer.prototype.writeBigUInt64LE);
console.log(Buffer.prototype.readUInt8.name, Buffer.prototype.readUint8.name, Buffer.prototype.writeDoubleLE.name, Buffer.prototype.readIntBE.name);
console.log(Object.getOwnPropertyNames(Buffer).sort().join(' '));
