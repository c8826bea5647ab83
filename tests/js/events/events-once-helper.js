// events.once with an EventTarget-less emitter, multiple args, and errors.
const { once, EventEmitter } = require('events');
const e = new EventEmitter();
(async () => {
  process.nextTick(() => e.emit('ready', 'a', 'b'));
  console.log(await once(e, 'ready'));
  process.nextTick(() => e.emit('error', new Error('early')));
  await once(e, 'ready').catch((err) => console.log('rejects', err.message));
  process.nextTick(() => e.emit('error', new Error('as value')));
  console.log('error as event', (await once(e, 'error'))[0].message);
  console.log('cleanup', e.listenerCount('ready'), e.listenerCount('error'));
})();
