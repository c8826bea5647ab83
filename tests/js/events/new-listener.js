// 'newListener' fires before adding, with the unwrapped listener.
const E = require('events');
const e = new E();
e.on('newListener', (name, l) => { console.log('new', name, typeof l, e.listenerCount(name)); });
e.on('x', () => {});
e.once('y', function named() {});
e.prependListener('x', () => {});
