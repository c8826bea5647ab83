// Emitters built with util.inherits, listeners' this, and the order of
// 'newListener' relative to the listener list.
const EventEmitter = require('events');
const util = require('util');
function Legacy() { EventEmitter.call(this); this.id = 'legacy'; }
util.inherits(Legacy, EventEmitter);
const l = new Legacy();
l.on('ping', function (x) { console.log('ping', x, this.id, this === l); });
l.emit('ping', 1);
l.on('arrow', () => console.log('arrow this is module-level', this === module.exports));
l.emit('arrow');
const e = new EventEmitter();
e.on('newListener', (name) => console.log('adding', name, 'existing', e.listenerCount(name)));
e.on('x', () => {});
e.once('x', () => {});
console.log(e.listenerCount('x'), e.eventNames());
console.log(l instanceof EventEmitter, Legacy.super_ === EventEmitter);
const big = new EventEmitter();
big.setMaxListeners(0);
for (let i = 0; i < 20; i++) big.on('y', () => {});
console.log('no warning for unlimited', big.listenerCount('y'));
