'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
const labels = ['unicode-1-1-utf-8', 'unicode11utf8', 'unicode20utf8', 'utf-8', 'utf8', 'x-unicode20utf8', '\tUTF-8\n',
  'csunicode', 'iso-10646-ucs-2', 'ucs-2', 'unicode', 'unicodefeff', 'utf-16', 'utf-16le', 'UTF-16LE', 'unicodefffe', 'utf-16be',
  'ansi_x3.4-1968', 'ascii', 'cp1252', 'cp819', 'csisolatin1', 'ibm819', 'iso-8859-1', 'iso-ir-100', 'iso8859-1', 'iso88591', 'iso_8859-1', 'iso_8859-1:1987', 'l1', 'latin1', 'us-ascii', 'windows-1252', 'x-cp1252', ' LATIN1 '];
for (const l of labels) console.log(JSON.stringify(l), new TextDecoder(l).encoding);
for (const bad of ['utf-7', 'utf8 ', 'latin-1', 'binary', 'x', '', 'utf-32']) {
  try { console.log(JSON.stringify(bad), new TextDecoder(bad).encoding); } catch (e) { console.log(JSON.stringify(bad), e.name, e.code, e.message); }
}
console.log(new TextDecoder(undefined).encoding);
try { new TextDecoder(null); } catch (e) { console.log(e.code, e.message); }
