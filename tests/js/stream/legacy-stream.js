// The legacy Stream base: an EventEmitter with a simple pipe; old-style
// emitters wrapped into Readables with Readable.prototype.wrap.
const { Stream, Readable, Writable } = require('stream');

const old = new Stream();
old.readable = true;
const got = [];
const dest = new Writable({
  write(c, e, cb) {
    got.push(String(c));
    cb();
  },
});
dest.on('finish', () => console.log('legacy pipe delivered', got.join('')));
old.pipe(dest);
old.emit('data', 'one ');
old.emit('data', 'two');
old.emit('end');

const emitter = new Stream();
emitter.pause = () => console.log('old stream paused');
emitter.resume = () => console.log('old stream resumed');
const wrapped = new Readable({ objectMode: true, highWaterMark: 1 }).wrap(emitter);
emitter.emit('data', 'a');
emitter.emit('data', 'b');
emitter.emit('data', 'c');
const out = [];
wrapped.on('data', (d) => out.push(d));
wrapped.on('end', () => console.log('wrapped', out.join(',')));
setImmediate(() => emitter.emit('end'));
console.log('Stream is an EventEmitter', typeof old.on, typeof old.pipe, old instanceof require('events'));
