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

// The stream classes are loaded as needed: a file or terminal stdout (the
// common case) needs only Writable, and start-up stays short.
const Writable = require('internal/streams/writable');
const binding = internalBinding('native');
// Socket and ReadStream (internal/stdio_readers) bring Readable and Duplex.
const readers = () => require('internal/stdio_readers');

function errnoError(err, syscall) {
  const code = binding.errName(err);
  const e = new Error(`${syscall} ${code}`);
  e.errno = err;
  e.code = code;
  e.syscall = syscall;
  return e;
}

// Strings reach _write as they were written (decodeStrings: false): UTF-8
// text goes to the descriptor without becoming a Buffer first.
function writeFd(fd, chunk, encoding, cb) {
  if (typeof chunk === 'string' && encoding !== 'utf8' && encoding !== 'utf-8') {
    const { Buffer } = require('buffer');
    chunk = Buffer.from(chunk, encoding);
  }
  const err = binding.writeStdio(fd, chunk);
  cb(err < 0 ? errnoError(err, 'write') : null);
}

// --- writers -------------------------------------------------------------

// A file: Node's internal/fs/sync_write_stream.
class SyncWriteStream extends Writable {
  constructor(fd, options) {
    super({ autoDestroy: true, decodeStrings: false });
    this.fd = fd;
    this.readable = false;
    this.autoClose = options === undefined ? true : options.autoClose;
  }

  _write(chunk, encoding, cb) {
    writeFd(this.fd, chunk, encoding, cb);
  }

  // Only stdio uses this class, whose descriptors are never closed.
  _destroy(err, cb) {
    cb(err);
  }
}
SyncWriteStream.prototype.destroySoon = SyncWriteStream.prototype.destroy;

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
      stream = new (readers().Socket)({ fd, readable: false, writable: true });
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
      stdin = new (readers().ReadStream)(0);
      break;
    case 'PIPE':
    case 'TCP':
      stdin = new (readers().Socket)({ fd: 0, readable: true, writable: false });
      break;
    default:
      // A closed descriptor: at its end already.
      stdin = new (require('internal/streams/readable'))({ read() {} });
      stdin.push(null);
  }
  stdin.fd = 0;
  // Reading stops while paused, so that a paused stdin does not keep the
  // process alive.
  if (stdin instanceof readers().Socket) {
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
  SyncWriteStream,
  errnoError,
  writeFd,
};
