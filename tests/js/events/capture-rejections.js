// captureRejections routes async listener rejections to 'error' or Symbol.for('nodejs.rejection').
const { EventEmitter, captureRejectionSymbol } = require('events');
const e = new EventEmitter({ captureRejections: true });
e.on('x', async () => { throw new Error('async fail'); });
e.on('error', (err) => console.log('error event', err.message));
e.emit('x');
const f = new EventEmitter({ captureRejections: true });
f[captureRejectionSymbol] = (err, name, ...args) => console.log('rejection handler', err.message, name, args);
f.on('y', async (v) => { throw new Error('y fail'); });
f.emit('y', 1, 2);
console.log(captureRejectionSymbol === Symbol.for('nodejs.rejection'), EventEmitter.captureRejections);
try { new EventEmitter({ captureRejections: 1 }); } catch (err) { console.log(err.code, err.message); }
