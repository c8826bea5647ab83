// EventEmitter: errorMonitor, captureRejections, events.on iterator,
// getEventListeners, setMaxListeners warning through process 'warning'.
const events = require('node:events');
const { EventEmitter, errorMonitor, on, getEventListeners } = events;
const em = new EventEmitter();
em.on(errorMonitor, (err) => console.log('monitor saw', err.message));
em.on('error', (err) => console.log('handler saw', err.message));
em.emit('error', new Error('e1'));
const cap = new EventEmitter({ captureRejections: true });
cap.on('event', async () => { throw new Error('async listener failed'); });
cap.on('error', (err) => console.log('captured', err.message));
cap.emit('event');
console.log(getEventListeners(em, 'error').length);
process.on('warning', (w) => console.log('warning', w.name, w.emitter === leaky, w.count));
const leaky = new EventEmitter();
leaky.setMaxListeners(2);
for (let i = 0; i < 3; i++) leaky.on('x', () => {});
(async () => {
  const src = new EventEmitter();
  setTimeout(() => { src.emit('data', 1); src.emit('data', 2); src.emit('end'); }, 1);
  const seen = [];
  for await (const [v] of on(src, 'data')) {
    seen.push(v);
    if (seen.length === 2) break;
  }
  console.log('iterated', seen);
})();
console.log(EventEmitter.defaultMaxListeners, typeof events.once, events.EventEmitter === EventEmitter);
