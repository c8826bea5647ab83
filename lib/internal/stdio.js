// internal/stdio - process.stdout and process.stderr: synchronous writers
// (nothing written is lost at exit), with the Writable surface programs
// use: write(chunk, [encoding], [cb]), end, isTTY, columns, fd, on().
'use strict';

const EventEmitter = require('events');
const binding = internalBinding('native');

class SyncWriter extends EventEmitter {
  constructor(fd, isTTY) {
    super();
    this.fd = fd;
    this.isTTY = isTTY;
    this.writable = true;
    this._isStdio = true;
  }

  write(chunk, encoding, cb) {
    if (typeof encoding === 'function') cb = encoding;
    if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_INVALID_ARG_TYPE('chunk',
        'string or an instance of Buffer or Uint8Array', chunk);
    }
    binding.writeSync(this.fd, chunk);
    if (typeof cb === 'function') process.nextTick(cb, null);
    return true;
  }

  end(chunk, encoding, cb) {
    if (typeof chunk === 'function') cb = chunk;
    else if (chunk !== undefined && chunk !== null) this.write(chunk, encoding);
    if (typeof cb === 'function') process.nextTick(cb);
    return this;
  }

  cork() {}
  uncork() {}
  setDefaultEncoding() {
    return this;
  }
}

let out;
let err;
const info = binding.processInfo();

module.exports = {
  stdout: () => (out ||= new SyncWriter(1, info.stdoutIsTTY)),
  stderr: () => (err ||= new SyncWriter(2, info.stderrIsTTY)),
};

// process.stdin: data events while flowing, 'end' then 'close' at the end
// of input.  Chunks are strings (UTF-8) until Buffer exists.
class StdinReader extends EventEmitter {
  constructor() {
    super();
    this.fd = 0;
    this.isTTY = binding.processInfo().stdinIsTTY === true;
    this.readable = true;
    this.readableEnded = false;
    this._flowing = false;
    this.on('newListener', (event) => {
      if (event === 'data' && this._flowing !== null) {
        process.nextTick(() => this.resume());
      }
    });
  }

  _onChunk(chunk) {
    if (chunk === null) {
      this.readable = false;
      this.readableEnded = true;
      this.emit('end');
      this.emit('close');
    } else if (typeof chunk === 'number') {
      const { codes } = require('internal/errors');
      void codes;
      const err = new Error(`read failed (${chunk})`);
      err.errno = chunk;
      this.emit('error', err);
    } else {
      this.emit('data', chunk);
    }
  }

  setEncoding() {
    return this;
  }

  resume() {
    if (!this.readableEnded && this._flowing !== true) {
      this._flowing = true;
      binding.stdinRead(true, (chunk) => this._onChunk(chunk));
    }
    return this;
  }

  pause() {
    if (this._flowing === true) binding.stdinRead(false);
    this._flowing = false;
    return this;
  }

  isPaused() {
    return this._flowing !== true;
  }
}

let inReader;
module.exports.stdin = () => (inReader ||= new StdinReader());
