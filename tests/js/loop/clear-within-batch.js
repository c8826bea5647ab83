// Clearing a later timer/immediate from an earlier one in the same batch.
let t2, i2;
setTimeout(() => {
  console.log('t1');
  clearTimeout(t2);
  setImmediate(() => { console.log('i1'); clearImmediate(i2); });
  i2 = setImmediate(() => console.log('i2 never'));
  setImmediate(() => console.log('i3'));
}, 3);
t2 = setTimeout(() => console.log('t2 never'), 3);
