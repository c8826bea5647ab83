// internal/warnings - process.emitWarning: the 'warning' event, and the
// "(node:PID) Warning: ..." line on stderr unless --no-warnings.
'use strict';

let traceHintShown = false;

function invalidType(name, expected, value) {
  const { codes } = require('internal/errors');
  return new codes.ERR_INVALID_ARG_TYPE(name, expected, value);
}

// Node's argument forms: (warning[, type[, code]][, ctor]) and
// (warning, { type, code, detail, ctor }).
function emitWarning(warning, type, code, ctor) {
  let detail;
  if (type !== null && typeof type === 'object' && !Array.isArray(type)) {
    ctor = type.ctor;
    code = type.code;
    if (typeof type.detail === 'string') detail = type.detail;
    type = type.type || 'Warning';
  } else if (typeof type === 'function') {
    ctor = type;
    code = undefined;
    type = 'Warning';
  }
  if (type !== undefined && typeof type !== 'string') throw invalidType('type', 'string', type);
  if (typeof code === 'function') {
    ctor = code;
    code = undefined;
  } else if (code !== undefined && typeof code !== 'string') {
    throw invalidType('code', 'string', code);
  }
  if (typeof warning === 'string') {
    warning = new Error(warning);
    warning.name = String(type || 'Warning');
    if (code !== undefined) warning.code = code;
    if (detail !== undefined) warning.detail = detail;
    Error.captureStackTrace(warning, ctor || process.emitWarning);
  } else if (!(warning instanceof Error)) {
    throw invalidType('warning', ['Error', 'string'], warning);
  }
  const argv = process.execArgv;
  if (warning.name === 'DeprecationWarning') {
    if (process.noDeprecation || argv.includes('--no-deprecation')) return;
    // Node throws it from a tick of its own: the caller cannot catch it.
    if (process.throwDeprecation || argv.includes('--throw-deprecation')) {
      process.nextTick(() => { throw warning; });
      return;
    }
  }
  process.nextTick(() => {
    // Node prints from a 'warning' listener installed first, so the line
    // goes out before user listeners run.
    if (!argv.includes('--no-warnings')) print(warning);
    process.emit('warning', warning);
  });
}

function print(warning) {
  let msg = `(node:${process.pid}) `;
  if (warning.code) msg += `[${warning.code}] `;
  const trace = argv => argv.includes('--trace-warnings') ||
    (warning.name === 'DeprecationWarning' && argv.includes('--trace-deprecation'));
  if (trace(process.execArgv) && warning.stack) {
    msg += warning.stack;
  } else {
    msg += typeof warning.toString === 'function' ?
      `${warning.toString()}` : Error.prototype.toString.call(warning);
  }
  if (typeof warning.detail === 'string') msg += `\n${warning.detail}`;
  if (!trace(process.execArgv) && !traceHintShown) {
    traceHintShown = true;
    const argv0 = require('path').basename(process.argv0 || 'node', '.exe');
    msg += `\n(Use \`${argv0} --trace-warnings ...\` to show where the warning was created)`;
  }
  process.stderr.write(`${msg}\n`);
}

module.exports = { emitWarning };
