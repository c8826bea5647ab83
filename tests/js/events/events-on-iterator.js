// events.on: an async iterator of argument arrays; error rejects; return stops.
const { on, EventEmitter } = require('events');
const e = new EventEmitter();
(async () => {
  setImmediate(() => { e.emit('v', 1); e.emit('v', 2, 'b'); e.emit('v', 3); });
  let n = 0;
  for await (const args of on(e, 'v')) {
    console.log('got', args);
    if (++n === 3) break;
  }
  console.log('listeners after break', e.listenerCount('v'), e.listenerCount('error'));
  const it = on(e, 'w');
  setImmediate(() => e.emit('error', new Error('iter error')));
  try { await it.next(); } catch (err) { console.log('rejected', err.message); }
})();
