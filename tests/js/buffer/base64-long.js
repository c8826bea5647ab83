'use strict';
// Long base64 texts, where decoding goes 32 characters at a time: clean
// input, then input with the characters the lenient decoder skips or
// stops at placed before, inside and after each group of 32, in both
// alphabets, and with characters past U+00FF.  Each decode is printed as
// its length and a checksum, with the bytes themselves for short ones.

function bytes(n, seed) {
  const b = Buffer.alloc(n);
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    b[i] = x >>> 23;
  }
  return b;
}

function sum(b) {
  let h = 0x811c9dc5;
  for (const v of b) h = Math.imul(h ^ v, 16777619) >>> 0;
  return h.toString(16).padStart(8, '0');
}

function show(label, text, enc = 'base64') {
  const b = Buffer.from(text, enc);
  const tail = b.length <= 48 ? ' ' + b.toString('hex') : '';
  console.log(`${label}: ${b.length} ${sum(b)}${tail}`);
}

// Clean texts of every length around the 24-byte steps.
for (const n of [0, 1, 2, 3, 22, 23, 24, 25, 26, 47, 48, 49, 50, 72, 96,
  100, 191, 192, 193, 1000, 4099, 65536]) {
  const b = bytes(n, n + 7);
  const t = b.toString('base64');
  const u = b.toString('base64url');
  show(`clean ${n}`, t);
  show(`url ${n}`, u, 'base64url');
  show(`url-as-std ${n}`, u);
  show(`unpadded ${n}`, t.replace(/=+$/, ''));
  console.log(`  round trip ${n}: ${Buffer.from(t, 'base64').equals(b)}`);
}

// One odd character at each position of the first three groups of 32.
const base = bytes(300, 99).toString('base64');
for (const ch of [' ', '\n', '=', '-', '_', '.', '\u00c1', '\u0141', '\uff41',
  '\ud83d', '\u0000', '\u007f', '\u0080', '\u00ff', '\u0100', '\u8041']) {
  const seen = new Set();
  for (let at = 0; at < 100; at += 7) {
    const t = base.slice(0, at) + ch + base.slice(at);
    const b = Buffer.from(t, 'base64');
    seen.add(`${b.length}:${sum(b)}`);
  }
  const code = ch.charCodeAt(0).toString(16).padStart(4, '0');
  console.log(`U+${code} at 0..98: ${[...seen].join(' ')}`);
}

// Line-wrapped (MIME-style) and space-separated texts.
const long = bytes(5000, 3);
const b64 = long.toString('base64');
show('wrapped 76', b64.replace(/.{76}/g, '$&\r\n'));
show('wrapped 64', b64.replace(/.{64}/g, '$&\n'));
show('spaced 4', b64.replace(/.{4}/g, '$& '));
console.log('wrapped equals:', Buffer.from(b64.replace(/.{76}/g, '$&\n'), 'base64').equals(long));
show('mixed alphabets', b64.replace(/\+/g, '-').replace(/\//g, '_'));
show('stops at =', b64.slice(0, 1000) + '=' + b64.slice(1000));
show('stops at = in group', b64.slice(0, 1001) + '==' + b64.slice(1001));
show('junk tail', b64 + '!!!!' + 'QUJD');
show('latin1 string', Buffer.from(b64, 'latin1').toString('latin1'));

// Writing into an existing buffer, with room for only part of the text.
for (const room of [0, 1, 23, 24, 25, 100, 3749, 3750, 3751, 5000]) {
  const target = Buffer.alloc(room, 0xee);
  const n = target.write(b64, 'base64');
  console.log(`write into ${room}: ${n} ${sum(target)}`);
}

// Node reads a UTF-16 unit by its low byte: U+0141 is an 'A', U+D83D an
// '=' (which ends the text), in base64 and in hex alike.
console.log(Buffer.from('QUJ\u0144', 'base64'), Buffer.from('QU\ud83dJD', 'base64'));
console.log(Buffer.from('\u0141\u0142', 'hex'), Buffer.from('4\u0141', 'hex'),
  Buffer.from('\u0131\u0132', 'hex'));
const hx = Buffer.alloc(4);
console.log(hx.write('\u0131\u0132', 'hex'), hx);
