'use strict';
// buffer.js - Buffer encoding throughput on 1 MB, the same script
// under node and nodec (bench/nodec/buffer.sh runs both).
//
// Each operation runs in rounds of 128 repetitions, timed in CPU time;
// the value printed is the median of 5 rounds, in MB/s of the decoded
// bytes (for encodes and decodes alike, so both runtimes are measured on
// the same work).  A warm-up round first lets the JITs settle.  The
// rounds are fixed rather than sized to a time budget: how much garbage
// a round leaves changes when the collectors run, and with it the figure.
//
//   bench=buffer_<op> impl=<node|nodec> value=<MB/s> unit=MB/s

const impl = process.versions.nodec !== undefined ? 'nodec' : 'node';
const MB = 1 << 20;
const only = process.argv[2];

// Text for the UTF-8 cases: mostly ASCII prose with some Latin-1,
// other BMP and astral characters, as real-world text has.
function makeText(bytes) {
  const words = ['the', 'quick', 'brown', 'fox', 'jumps', 'over', 'lazy',
    'dog', 'Grüße', 'naïve', 'café', '日本語', 'テキスト', 'emoji 😀', '€100'];
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const w = words[(i * 7 + 3) % words.length] + (i % 11 === 10 ? '.\n' : ' ');
    parts.push(w);
    size += Buffer.byteLength(w);
  }
  return parts.join('');
}

const binary = Buffer.alloc(MB);
for (let i = 0; i < MB; i++) binary[i] = (i * 2654435761) >>> 24;
const base64Text = binary.toString('base64');
const text = makeText(MB);
const textBytes = Buffer.from(text);
const asciiText = makeText(MB).replace(/[^\x00-\x7f]/g, 'x');
const asciiBytes = Buffer.from(asciiText);

const ops = {
  // Buffer.from(str, 'base64'): 1 MB of bytes decoded.
  base64_decode: [() => Buffer.from(base64Text, 'base64'), binary.length],
  // buf.toString('hex') of 1 MB.
  hex_encode: [() => binary.toString('hex'), binary.length],
  // Buffer.from(str): UTF-8 encoding of a mixed text, ~1 MB of UTF-8.
  utf8_encode: [() => Buffer.from(text), textBytes.length],
  // buf.toString(): UTF-8 decoding of the same text.
  utf8_decode: [() => textBytes.toString(), textBytes.length],
  // The same two on pure ASCII text.
  utf8_encode_ascii: [() => Buffer.from(asciiText), asciiBytes.length],
  utf8_decode_ascii: [() => asciiBytes.toString(), asciiBytes.length],
};

// CPU time of the process, not wall time: the machines these run on are
// shared, and a busy neighbour should not move the ratio.
function now() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

let sink = 0;
function round(fn, reps) {
  const t0 = now();
  for (let i = 0; i < reps; i++) sink += fn().length;
  return now() - t0;
}

for (const [name, [fn, bytes]] of Object.entries(ops)) {
  if (only !== undefined && only !== name) continue;
  // The same work for both runtimes: a warm-up round, then 5 rounds of
  // 128 operations (128 MB each, enough to include the collectors).
  const reps = 128;
  round(fn, reps);
  const rates = [];
  for (let r = 0; r < 5; r++) rates.push((bytes * reps) / round(fn, reps) / 1e6);
  rates.sort((a, b) => a - b);
  console.log(`bench=buffer_${name} impl=${impl} value=${rates[2].toFixed(1)} unit=MB/s`);
}
if (sink === 0) console.log('nothing measured');
