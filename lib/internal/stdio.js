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
