// internal/stdio_readers - the stdio streams that have a readable side:
// Socket (a pipe or socket as Node's net.Socket presents it for stdio:
// stdout/stderr on a pipe, stdin from one, and the base of the tty
// streams) and ReadStream (a file on stdin).  Loaded only when stdio is
// one of those, see internal/stdio.
'use strict';

const Duplex = require('internal/streams/duplex');
const Readable = require('internal/streams/readable');
const { errnoError, writeFd } = require('internal/stdio');
const binding = internalBinding('native');

// A pipe or socket, one way: the part of net.Socket that stdio uses.  A
// function constructor, as tty's streams call it on themselves.
function Socket(options = {}) {
  if (!(this instanceof Socket)) return new Socket(options);
  Duplex.call(this, {
    allowHalfOpen: false,
    decodeStrings: false,
    ...options,
    // Reading starts on demand (Node's manualStart), see _read.
    readable: options.readable !== false,
    writable: options.writable !== false,
  });
  this.fd = options.fd;
  this.connecting = false;
  this.bytesRead = 0;
  this._readingFd = false;
  this._atEof = false;
  this._shut = false;
}
Object.setPrototypeOf(Socket.prototype, Duplex.prototype);
Object.setPrototypeOf(Socket, Duplex);

Socket.prototype._write = function _write(chunk, encoding, cb) {
  // After end() the writing side is shut, as libuv's shutdown leaves it.
  if (this._shut) cb(errnoError(-32, 'write'));
  else writeFd(this.fd, chunk, encoding, cb);
};

// libuv's shutdown completes on a later turn; ticks queued meanwhile run
// before the callback.
Socket.prototype._final = function _final(cb) {
  this._shut = true;
  process.nextTick(() => process.nextTick(cb));
};

Socket.prototype._destroy = function _destroy(err, cb) {
  this._stopReading();
  cb(err);
};

for (const name of ['ref', 'unref', 'setNoDelay', 'setKeepAlive']) {
  Socket.prototype[name] = function () {
    return this;
  };
}

// --- reading descriptor 0 --------------------------------------------------

// The reading half of every stdin stream: only descriptor 0 is ever read,
// through binding.stdinRead; reading runs while the stream wants data.
const stdinReader = {
  _read() {
    if (this._readingFd || this._atEof) return;
    this._readingFd = true;
    binding.stdinRead(true, (chunk) => this._onChunk(chunk), true);
  },

  _onChunk(chunk) {
    if (chunk === null) {
      this._readingFd = false;
      this._atEof = true;
      this.push(null);
    } else if (typeof chunk === 'number') {
      this._readingFd = false;
      this.destroy(errnoError(chunk, 'read'));
    } else {
      const { Buffer } = require('buffer');
      const buf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      this.bytesRead += buf.length;
      if (!this.push(buf)) this._stopReading();
    }
  },

  _stopReading() {
    if (this._readingFd) {
      this._readingFd = false;
      binding.stdinRead(false);
    }
  },
};

function installReader(Class) {
  for (const [name, fn] of Object.entries(stdinReader)) {
    Object.defineProperty(Class.prototype, name, {
      value: fn, writable: true, configurable: true, enumerable: false,
    });
  }
}

installReader(Socket);

// A file on stdin: Node's fs.ReadStream for descriptor 0, which it never
// closes (so no 'close' at the end).  A file cannot be polled: each read
// is done at once and its data pushed on the next turn of the loop, as
// the completion of Node's threadpool read would be.
class ReadStream extends Readable {
  constructor(fd) {
    super({ highWaterMark: 64 * 1024, autoDestroy: false });
    this.fd = fd;
    this.bytesRead = 0;
    this.autoClose = false;
  }

  _read(size) {
    const chunk = binding.stdinReadFile(size);
    setImmediate(() => {
      if (this.destroyed) return;
      if (chunk === null) {
        this.push(null);
      } else if (typeof chunk === 'number') {
        this.destroy(errnoError(chunk, 'read'));
      } else {
        const { Buffer } = require('buffer');
        this.bytesRead += chunk.byteLength;
        this.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
      }
    });
  }
}


module.exports = { Socket, ReadStream };
