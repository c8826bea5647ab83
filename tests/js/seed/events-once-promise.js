// The seed's events.once: resolves with the args array, rejects on 'error'.
const { once, EventEmitter } = require('node:events');
const server = new EventEmitter();
(async () => {
  setTimeout(() => server.emit('listening', 'port', 3000), 1);
  const args = await once(server, 'listening');
  console.log('Server is up', args);
  setTimeout(() => server.emit('error', new Error('bind failed')), 1);
  try { await once(server, 'listening'); } catch (e) { console.log('rejected:', e.message); }
})();
