// The seed's basic pattern (as CommonJS): listeners run in order, synchronously.
const { EventEmitter } = require('node:events');
const bus = new EventEmitter();
bus.on('user.signup', (user) => {
  console.log(`Welcome email queued for ${user.email}`);
});
bus.on('user.signup', (user) => {
  console.log(`Analytics tracked for ${user.id}`);
});
bus.emit('user.signup', { id: 42, email: 'a@b.com' });
console.log('after emit');
