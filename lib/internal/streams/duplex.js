// internal/streams/duplex - stream.Duplex: a Readable that is also a
// Writable (it has both states; instanceof Writable holds through
// Writable's Symbol.hasInstance).  allowHalfOpen false ends the writable
// side when the readable side ends.
'use strict';

const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');

function Duplex(options) {
  if (!(this instanceof Duplex)) return new Duplex(options);

  Readable.call(this, options);
  Writable.call(this, options);

  if (options) {
    this.allowHalfOpen = options.allowHalfOpen !== false;
    if (options.readable === false) {
      const r = this._readableState;
      r.readable = false;
      r.ended = true;
      r.endEmitted = true;
    }
    if (options.writable === false) {
      const w = this._writableState;
      w.writable = false;
      w.ending = true;
      w.ended = true;
      w.finished = true;
    }
  } else {
    this.allowHalfOpen = true;
  }
}
Object.setPrototypeOf(Duplex.prototype, Readable.prototype);
Object.setPrototypeOf(Duplex, Readable);

// Writable's methods that Readable does not have; its accessors are
// defined below.
for (const name of Object.keys(Writable.prototype)) {
  if (!Duplex.prototype[name]) Duplex.prototype[name] = Writable.prototype[name];
}

function fromWritable(name) {
  return Object.getOwnPropertyDescriptor(Writable.prototype, name);
}

Object.defineProperties(Duplex.prototype, {
  writable: fromWritable('writable'),
  writableHighWaterMark: fromWritable('writableHighWaterMark'),
  writableObjectMode: fromWritable('writableObjectMode'),
  writableBuffer: fromWritable('writableBuffer'),
  writableLength: fromWritable('writableLength'),
  writableFinished: fromWritable('writableFinished'),
  writableCorked: fromWritable('writableCorked'),
  writableEnded: fromWritable('writableEnded'),
  writableNeedDrain: fromWritable('writableNeedDrain'),
  destroyed: {
    enumerable: false,
    configurable: true,
    get() {
      if (this._readableState === undefined || this._writableState === undefined) {
        return false;
      }
      return this._readableState.destroyed && this._writableState.destroyed;
    },
    set(value) {
      if (this._readableState && this._writableState) {
        this._readableState.destroyed = value;
        this._writableState.destroyed = value;
      }
    },
  },
});
Duplex.prototype.destroy = Writable.prototype.destroy;

let duplexify;
Duplex.from = function from(body) {
  duplexify ||= require('internal/streams/duplexify');
  return duplexify(body, 'body');
};

module.exports = Duplex;
