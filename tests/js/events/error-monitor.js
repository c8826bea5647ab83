// errorMonitor sees errors before listeners, and without making them handled.
const { EventEmitter, errorMonitor } = require('events');
const e = new EventEmitter();
e.on(errorMonitor, (err) => console.log('monitor', err.message));
try { e.emit('error', new Error('unhandled')); } catch (err) { console.log('threw', err.message); }
e.on('error', (err) => console.log('listener', err.message));
e.emit('error', new Error('handled'));
console.log(typeof errorMonitor, String(errorMonitor), EventEmitter.errorMonitor === errorMonitor);
