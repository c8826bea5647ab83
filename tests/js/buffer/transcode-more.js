'use strict';
const { transcode } = require('buffer');
const show = (b) => b.toString('hex');
console.log(show(transcode(Buffer.from('😀', 'utf8'), 'utf8', 'ucs2')));
console.log(show(transcode(Buffer.from('😀', 'ucs2'), 'ucs2', 'latin1')));
for (const [b, f, to] of [[[0xff], 'utf8', 'ucs2'], [[0x00, 0xd8], 'ucs2', 'utf8'], [[0x00, 0xd8], 'ucs2', 'latin1'], [[0xff], 'utf8', 'utf8'], [[0xff], 'latin1', 'latin1'], [[0x41, 0xe9], 'ascii', 'utf8'], [[0x41, 0xe9], 'latin1', 'ascii'], [[0x00, 0xd8, 0x41, 0], 'ucs2', 'ucs2'], [[0xe9], 'ascii', 'ucs2'], [[0x41, 0x00, 0x42], 'ucs2', 'utf8'], [[0xc3], 'utf8', 'latin1']]) {
  try { console.log(f, to, show(transcode(Buffer.from(b), f, to))); } catch (e) { console.log(f, to, e.name, e.code, e.errno, e.message); }
}
console.log(show(transcode(Buffer.from('aé', 'latin1'), 'latin1', 'ucs2')));
console.log(show(transcode(Buffer.from('abc', 'ucs2'), 'ucs2', 'ascii')));
for (const [f, to] of [['utf8', 'base64'], ['hex', 'utf8'], ['nope', 'utf8'], ['utf8', 'utf-16le'], ['UCS2', 'UTF8']]) {
  try { console.log(f, to, show(transcode(Buffer.from('hi'), f, to))); } catch (e) { console.log(f, to, e.name, e.code, e.message); }
}
