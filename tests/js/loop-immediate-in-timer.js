// From inside a timer callback, setImmediate runs before a 0 ms timer.
setTimeout(() => {
  setTimeout(() => console.log('timeout'), 0);
  setImmediate(() => console.log('immediate'));
}, 1);
setTimeout(() => {
  const order = [];
  setImmediate(() => { order.push('i1'); setImmediate(() => order.push('i3')); });
  setImmediate(() => order.push('i2'));
  setTimeout(() => console.log(order.join(' ')), 20);
}, 30);
