// The application/x-www-form-urlencoded serializer, character by
// character: what stays, what becomes '+', what is percent-encoded.
const row = [];
for (let c = 0; c < 0x80; c++) {
  const p = new URLSearchParams();
  p.append(String.fromCharCode(c), '');
  row.push(p.toString().slice(0, -1));
}
console.log(row.join(' '));
for (const s of ['\u0080', '\u00ff', '\u0100', '\u07ff', '\u0800', '\uffff', '\ud83d\ude00', '\ud800', '\udfff', 'a\ud800b']) {
  const p = new URLSearchParams();
  p.set('k', s);
  console.log(JSON.stringify(s), p.toString());
}
