// Old-style inheritance with util.inherits and EventEmitter.call(this).
const EventEmitter = require('events');
const util = require('util');
function Legacy() { EventEmitter.call(this); this.name = 'legacy'; }
util.inherits(Legacy, EventEmitter);
const l = new Legacy();
l.on('ping', function () { console.log('pong from', this.name); });
l.emit('ping');
console.log(l instanceof EventEmitter, Legacy.super_ === EventEmitter, Object.keys(l).includes('_events'));
