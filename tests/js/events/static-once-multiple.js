const { once, EventEmitter } = require('events');
const e = new EventEmitter();
(async () => {
  const both = Promise.all([once(e, 'a'), once(e, 'b')]);
  e.emit('b', 'B'); e.emit('a', 'A', 'A2');
  console.log(await both);
  console.log(e.listenerCount('a'), e.listenerCount('b'), e.listenerCount('error'));
})();
