// From inside a timer callback, setImmediate runs before a 0 ms timer.
setTimeout(() => {
  setTimeout(() => console.log('timeout'), 0);
  setImmediate(() => console.log('immediate'));
}, 1);
setTimeout(() => {
  const order = [];
  setImmediate(() => { order.push('i1'); setImmediate(() => order.push('i3')); });
  // i3 was queued during the check phase, so it waits for the next turn,
  // ahead of the immediate i2 queues there.
  setImmediate(() => {
    order.push('i2');
    setImmediate(() => console.log(order.join(' ')));
  });
}, 30);
