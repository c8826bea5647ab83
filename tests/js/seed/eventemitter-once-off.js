// The seed's once and off samples.
const { EventEmitter } = require('node:events');
const server = new EventEmitter();
server.once('listening', () => {
  console.log('Server started');
});
server.emit('listening');
server.emit('listening');
const stream = new EventEmitter();
function onData(chunk) { console.log('data', chunk); }
stream.on('data', onData);
stream.emit('data', 1);
stream.off('data', onData);
stream.emit('data', 2);
console.log(stream.listenerCount('data'));
