// Leading and trailing C0 controls and spaces are trimmed; tabs and
// newlines vanish anywhere; other controls are encoded or fatal.
const { showAll } = require('./fixtures/show');
const ws = ['\t', '\n', '\r', ' ', '\u0000', '\u0001', '\u001f', '\u000b', '\u000c', '\u00a0', '\ufeff', '\u3000'];
const inputs = [];
for (const w of ws) {
  inputs.push(`${w}http://h/p${w}`, `ht${w}tp://h/`, `http:${w}//h/`, `http://h${w}o/`, `http://h/p${w}q?q${w}r#f${w}g`,
    `http://u${w}s:p${w}w@h/`, `http://h:8${w}0/`, `sc:a${w}b`);
}
showAll(inputs);
