// tty - node:tty: isatty, and the streams of a terminal.  WriteStream
// knows the terminal's size and colour depth and moves the cursor;
// ReadStream switches raw mode.  Both are the stdio Socket of
// internal/stdio underneath (writes are synchronous).
'use strict';

const binding = internalBinding('native');
const { Socket } = require('internal/stdio_readers');

function codes() {
  return require('internal/errors').codes;
}

function isatty(fd) {
  return Number.isInteger(fd) && fd >= 0 && fd <= 2147483647 &&
    binding.guessHandleType(fd) === 'TTY';
}

function checkFd(fd) {
  if (!Number.isInteger(fd) || fd < 0 || fd > 2147483647) {
    throw new (codes().ERR_INVALID_FD)(fd);
  }
  if (binding.guessHandleType(fd) !== 'TTY') throw ttyInitFailed();
}

// Node's SystemError for a descriptor that is not a terminal.
function ttyInitFailed() {
  const info = { errno: -22, code: 'EINVAL', message: 'invalid argument',
    syscall: 'uv_tty_init' };
  const err = new Error('TTY initialization failed: uv_tty_init returned ' +
    'EINVAL (invalid argument)');
  Object.defineProperty(err, 'name', { value: 'SystemError', writable: true,
    configurable: true, enumerable: false });
  err.code = 'ERR_TTY_INIT_FAILED';
  for (const key of ['info', 'errno', 'syscall']) {
    Object.defineProperty(err, key, {
      enumerable: true,
      configurable: true,
      get: () => (key === 'info' ? info : info[key]),
    });
  }
  return err;
}

// --- ReadStream ------------------------------------------------------------

function ReadStream(fd, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(fd, options);
  checkFd(fd);
  Socket.call(this, { highWaterMark: 0, readable: true, writable: false, fd, ...options });
  this.isRaw = false;
  this.isTTY = true;
}
Object.setPrototypeOf(ReadStream.prototype, Socket.prototype);
Object.setPrototypeOf(ReadStream, Socket);

ReadStream.prototype.setRawMode = function setRawMode(flag) {
  flag = !!flag;
  const err = binding.stdinSetRawMode(flag);
  if (err) {
    const { errnoError } = require('internal/stdio');
    this.emit('error', errnoError(err, 'setRawMode'));
    return this;
  }
  this.isRaw = flag;
  return this;
};

// --- WriteStream -----------------------------------------------------------

function WriteStream(fd) {
  if (!(this instanceof WriteStream)) return new WriteStream(fd);
  checkFd(fd);
  Socket.call(this, { readable: false, writable: true, fd });
  this.fd = fd;
  const size = binding.ttyWinsize(fd);
  if (size) {
    this.columns = size[0];
    this.rows = size[1];
  }
}
Object.setPrototypeOf(WriteStream.prototype, Socket.prototype);
Object.setPrototypeOf(WriteStream, Socket);

WriteStream.prototype.isTTY = true;

// Colour support from the environment, in bits per colour: 1 (none), 4
// (16 colours), 8 (256) or 24 (true colour).  The rules are Node's.
const TERM_DEPTHS = {
  eterm: 4, cons25: 4, console: 4, cygwin: 4, dtterm: 4, gnome: 4, hurd: 4,
  jfbterm: 4, konsole: 4, kterm: 4, mlterm: 4, mosh: 24, putty: 4, st: 4,
  'rxvt-unicode-24bit': 24, terminator: 24, 'xterm-kitty': 24,
};
const TERM_PATTERNS = [/ansi/, /color/, /linux/, /^con[0-9]*x[0-9]/, /^rxvt/,
  /^screen/, /^xterm/, /^vt100/];
const CI_WITH_COLORS = ['APPVEYOR', 'BUILDKITE', 'CIRCLECI', 'DRONE', 'GITHUB_ACTIONS',
  'GITLAB_CI', 'TRAVIS'];

function depthFromForceColor(value) {
  switch (value) {
    case '':
    case '1':
    case 'true':
      return 4;
    case '2':
      return 8;
    case '3':
      return 24;
    default:
      return 1;
  }
}

function getColorDepth(env = process.env) {
  if (env.FORCE_COLOR !== undefined) return depthFromForceColor(env.FORCE_COLOR);
  if (env.NODE_DISABLE_COLORS !== undefined || env.NO_COLOR !== undefined ||
      env.TERM === 'dumb') {
    return 1;
  }
  if (env.TMUX) return 8;
  if (env.CI) {
    if (CI_WITH_COLORS.some((name) => name in env) || env.CI_NAME === 'codeship') return 8;
    return 1;
  }
  if ('TEAMCITY_VERSION' in env) {
    return /^(9\.(0*[1-9]\d*)\.|\d{2,}\.)/.test(env.TEAMCITY_VERSION) ? 4 : 1;
  }
  switch (env.TERM_PROGRAM) {
    case 'iTerm.app':
      if (!env.TERM_PROGRAM_VERSION || /^[0-2]\./.test(env.TERM_PROGRAM_VERSION)) return 8;
      return 24;
    case 'HyperTerm':
    case 'MacTerm':
      return 24;
    case 'Apple_Terminal':
      return 8;
  }
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 24;
  if (env.TERM) {
    if (/^xterm-256/.test(env.TERM)) return 8;
    const term = env.TERM.toLowerCase();
    if (TERM_DEPTHS[term]) return TERM_DEPTHS[term];
    if (TERM_PATTERNS.some((re) => re.test(term))) return 4;
  }
  if (env.COLORTERM) return 4;
  return 1;
}

function hasColors(count, env) {
  if (env === undefined &&
      (count === undefined || (typeof count === 'object' && count !== null))) {
    env = count;
    count = 16;
  } else {
    require('internal/streams/utils').validateInteger(count, 'count', 2);
  }
  return count <= 2 ** getColorDepth(env);
}

WriteStream.prototype.getColorDepth = function (env) {
  return getColorDepth(env);
};
WriteStream.prototype.hasColors = function (count, env) {
  return hasColors(count, env);
};

WriteStream.prototype._refreshSize = function _refreshSize() {
  const oldCols = this.columns;
  const oldRows = this.rows;
  const size = binding.ttyWinsize(this.fd);
  if (!size) return;
  this.columns = size[0];
  this.rows = size[1];
  if (oldCols !== this.columns || oldRows !== this.rows) this.emit('resize');
};

// Cursor control through the ANSI escapes of node:readline.
const CSI = '\x1b[';

WriteStream.prototype.cursorTo = function cursorTo(x, y, cb) {
  if (typeof y === 'function') {
    cb = y;
    y = undefined;
  }
  if (Number.isNaN(x) || Number.isNaN(y)) {
    const err = new TypeError('Cannot set cursor row without setting its column');
    err.code = 'ERR_INVALID_CURSOR_POS';
    throw err;
  }
  const seq = typeof y !== 'number' ? `${CSI}${x + 1}G` : `${CSI}${y + 1};${x + 1}H`;
  return this.write(seq, cb);
};

WriteStream.prototype.moveCursor = function moveCursor(dx, dy, cb) {
  let seq = '';
  if (dx < 0) seq += `${CSI}${-dx}D`;
  else if (dx > 0) seq += `${CSI}${dx}C`;
  if (dy < 0) seq += `${CSI}${-dy}A`;
  else if (dy > 0) seq += `${CSI}${dy}B`;
  if (seq === '') {
    if (typeof cb === 'function') process.nextTick(cb, null);
    return true;
  }
  return this.write(seq, cb);
};

WriteStream.prototype.clearLine = function clearLine(dir, cb) {
  const seq = dir < 0 ? `${CSI}1K` : dir > 0 ? `${CSI}0K` : `${CSI}2K`;
  return this.write(seq, cb);
};

WriteStream.prototype.clearScreenDown = function clearScreenDown(cb) {
  return this.write(`${CSI}0J`, cb);
};

WriteStream.prototype.getWindowSize = function getWindowSize() {
  return [this.columns, this.rows];
};

module.exports = { isatty, ReadStream, WriteStream };
