// internal/stdio - process.stdout, process.stderr and process.stdin as the
// streams Node makes of them, by what the descriptor is:
//
//   terminal   tty.WriteStream / tty.ReadStream   _type 'tty'
//   pipe, socket  a Socket (Duplex, one side)     _type 'pipe'
//   file       SyncWriteStream / a Socket reader  _type 'fs'
//   closed     a Writable that discards / a Readable at its end
//
// Every writer writes synchronously before its callback runs, as Node's
// stdio does on Linux, so nothing written is lost when the process exits
// (process.exit() right after a 1 MB write included).  A failed write
// (EPIPE when the reader went away) fails the write's callback and emits
// 'error' a tick later, as Node does; the stream then carries on (stdio
// is never really destroyed).
'use strict';

const { Writable, Duplex, Readable } = require('stream');
const binding = internalBinding('native');

function errnoError(err, syscall) {
  const code = binding.errName(err);
  const e = new Error(`${syscall} ${code}`);
  e.errno = err;
  e.code = code;
  e.syscall = syscall;
  return e;
}

function writeFd(fd, chunk, cb) {
  const err = binding.writeStdio(fd, chunk);
  cb(err < 0 ? errnoError(err, 'write') : null);
}

// --- writers -------------------------------------------------------------

// A file: Node's internal/fs/sync_write_stream.
class SyncWriteStream extends Writable {
  constructor(fd, options) {
    super({ autoDestroy: true });
    this.fd = fd;
    this.readable = false;
    this.autoClose = options === undefined ? true : options.autoClose;
  }

  _write(chunk, encoding, cb) {
    writeFd(this.fd, chunk, cb);
  }

  // Only stdio uses this class, whose descriptors are never closed.
  _destroy(err, cb) {
    cb(err);
  }
}
SyncWriteStream.prototype.destroySoon = SyncWriteStream.prototype.destroy;

// A pipe or socket, one way: the part of net.Socket that stdio uses.  A
// function constructor, as tty's streams call it on themselves.
function Socket(options = {}) {
  if (!(this instanceof Socket)) return new Socket(options);
  Duplex.call(this, {
    allowHalfOpen: false,
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
  else writeFd(this.fd, chunk, cb);
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

// What Node installs as stdout/stderr _destroy: the descriptor stays open
// and the stream usable, but 'close' is still observable.
function dummyDestroy(err, cb) {
  cb(err);
  this._undestroy();
  if (!this._writableState.emitClose) {
    process.nextTick(() => {
      this.emit('close');
    });
  }
}

function createWritableStdioStream(fd) {
  let stream;
  switch (binding.guessHandleType(fd)) {
    case 'TTY': {
      const tty = require('tty');
      stream = new tty.WriteStream(fd);
      stream._type = 'tty';
      break;
    }
    case 'FILE':
      stream = new SyncWriteStream(fd, { autoClose: false });
      stream._type = 'fs';
      break;
    case 'PIPE':
    case 'TCP':
      stream = new Socket({ fd, readable: false, writable: true });
      stream._type = 'pipe';
      break;
    default:
      // A closed descriptor: output goes nowhere.
      stream = new Writable({
        write(buf, enc, cb) {
          cb();
        },
      });
  }
  stream.fd = fd;
  stream._isStdio = true;
  return stream;
}

function getStdioWriter(fd) {
  const stream = createWritableStdioStream(fd);
  stream.destroySoon = stream.destroy;
  stream._destroy = dummyDestroy;
  if (stream.isTTY) {
    process.on('SIGWINCH', () => stream._refreshSize());
  }
  return stream;
}

// --- stdin ---------------------------------------------------------------

function getStdin() {
  let stdin;
  switch (binding.guessHandleType(0)) {
    case 'TTY': {
      const tty = require('tty');
      stdin = new tty.ReadStream(0);
      break;
    }
    case 'FILE':
      stdin = new ReadStream(0);
      break;
    case 'PIPE':
    case 'TCP':
      stdin = new Socket({ fd: 0, readable: true, writable: false });
      break;
    default:
      // A closed descriptor: at its end already.
      stdin = new Readable({ read() {} });
      stdin.push(null);
  }
  stdin.fd = 0;
  // Reading stops while paused, so that a paused stdin does not keep the
  // process alive.
  if (stdin instanceof Socket) {
    stdin.on('pause', () => {
      process.nextTick(() => {
        if (stdin.isPaused()) {
          stdin._readableState.reading = false;
          stdin._stopReading();
        }
      });
    });
  }
  return stdin;
}

let stdout;
let stderr;
let stdin;

module.exports = {
  stdout: () => (stdout ||= getStdioWriter(1)),
  stderr: () => (stderr ||= getStdioWriter(2)),
  stdin: () => (stdin ||= getStdin()),
  Socket,
  SyncWriteStream,
  errnoError,
};
