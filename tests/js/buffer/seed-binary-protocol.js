'use strict';
// A length-prefixed frame, as the notes' framing sample builds one.
const payload = JSON.stringify({ id: 7, text: 'héllo' });
const buf = Buffer.from(payload);
const len = Buffer.alloc(4);
len.writeUInt32BE(buf.length, 0);
const frame = Buffer.concat([len, buf]);
console.log(frame.length, frame.readUInt32BE(0), frame.subarray(0, 8));
const n = frame.readUInt32BE(0);
console.log(JSON.parse(frame.subarray(4, 4 + n).toString('utf8')));
const chunks = [frame.subarray(0, 3), frame.subarray(3, 10), frame.subarray(10)];
console.log(Buffer.concat(chunks).equals(frame), Buffer.concat(chunks).toString('utf8', 4));
