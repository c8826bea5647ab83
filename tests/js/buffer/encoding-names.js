'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const names = ['utf8', 'UTF8', 'utf-8', 'Utf-8', 'UTF-8', 'ucs2', 'UCS2', 'ucs-2', 'UCS-2', 'utf16le', 'UTF16LE', 'utf-16le', 'UTF-16LE', 'latin1', 'LATIN1', 'binary', 'BINARY', 'base64', 'BASE64', 'base64url', 'BASE64URL', 'hex', 'HEX', 'ascii', 'ASCII', 'utf16', 'utf-16', 'latin2', 'raw', 'raws', 'ucs4', '', ' utf8', 'utf8 ', 'Hex'];
for (const n of names) console.log(JSON.stringify(n), Buffer.isEncoding(n));
for (const v of [undefined, null, 1, {}, ['utf8']]) console.log(String(v), Buffer.isEncoding(v));
