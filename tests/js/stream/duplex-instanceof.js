// The class relations of the stream constructors, and calling them
// without new.
const stream = require('stream');
const { Readable, Writable, Duplex, Transform, PassThrough, Stream } = stream;
const EventEmitter = require('events');

const d = new Duplex();
const t = new Transform();
const p = new PassThrough();
console.log('duplex instanceof Readable', d instanceof Readable);
console.log('duplex instanceof Writable', d instanceof Writable);
console.log('transform instanceof Duplex', t instanceof Duplex);
console.log('passthrough instanceof Transform', p instanceof Transform);
console.log('readable instanceof Writable', new Readable() instanceof Writable);
console.log('readable instanceof Stream', new Readable() instanceof Stream);
console.log('Stream is the module', stream === Stream, stream.Stream === Stream);
console.log('Stream instanceof EventEmitter', new Stream() instanceof EventEmitter);
console.log('no new', Readable() instanceof Readable, Writable() instanceof Writable,
  Duplex() instanceof Duplex, Transform() instanceof Transform,
  PassThrough() instanceof PassThrough);
console.log('names', [Readable, Writable, Duplex, Transform, PassThrough, Stream]
  .map((c) => c.name).join(' '));
class Mine extends Writable {}
console.log('subclass', new Mine() instanceof Writable, new Mine() instanceof Mine);
console.log('object with _writableState is not a Writable',
  { _writableState: {} } instanceof Writable);
console.log(typeof Readable.from, typeof Duplex.from, typeof Readable.prototype.map,
  typeof Readable.prototype[Symbol.asyncIterator]);
console.log('legacy state classes', typeof Readable.ReadableState,
  typeof Writable.WritableState);
