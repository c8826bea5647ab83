// umask() reads; umask(mask) sets and returns the old one; strings are octal.
const old = process.umask(0o027);
console.log(typeof old);
console.log(process.umask().toString(8));
console.log(process.umask('0755').toString(8), process.umask().toString(8));
for (const bad of ['8', 'abc', {}, -1]) {
  try { process.umask(bad); console.log('accepted', bad); } catch (e) { console.log(e.code, e.message); }
}
process.umask(old);
