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
const d = new StringDecoder('utf8');
const euro = Buffer.from('€');
console.log(JSON.stringify(d.write(euro.subarray(0, 1))), d.lastNeed, d.lastTotal);
console.log(JSON.stringify(d.write(euro.subarray(1, 2))), d.lastNeed, d.lastTotal);
console.log(JSON.stringify(d.write(euro.subarray(2))), d.lastNeed);
const emoji = Buffer.from('😀x');
for (let i = 0; i < emoji.length; i++) process.stdout.write(JSON.stringify(d.write(emoji.subarray(i, i + 1))) + ' ');
console.log();
console.log(JSON.stringify(d.write(Buffer.from([0xe2, 0x82]))), JSON.stringify(d.end()));
console.log(JSON.stringify(d.write(Buffer.from([0xf0]))), JSON.stringify(d.end(Buffer.from([0x9f]))));
console.log(JSON.stringify(d.end()), d.encoding);
