// internal/streams/state - highWaterMark: the defaults (16 KiB of bytes,
// 16 objects), which may be changed process-wide, and the option checks.
'use strict';

let defaultBytes = 16 * 1024;
let defaultObjects = 16;

function getDefaultHighWaterMark(objectMode) {
  return objectMode ? defaultObjects : defaultBytes;
}

function setDefaultHighWaterMark(objectMode, value) {
  require('internal/streams/utils').validateInteger(value, 'value', 0);
  if (objectMode) defaultObjects = value;
  else defaultBytes = value;
}

// The mark from options.highWaterMark, or for a duplex side from
// options[duplexKey] (readableHighWaterMark, writableHighWaterMark).
function getHighWaterMark(state, options, duplexKey, isDuplex) {
  let hwm = options.highWaterMark;
  if (hwm == null && isDuplex) hwm = options[duplexKey];
  if (hwm == null) return getDefaultHighWaterMark(state.objectMode);
  if (!Number.isInteger(hwm) || hwm < 0) {
    const { codes } = require('internal/errors');
    const name = isDuplex ? `options.${duplexKey}` : 'options.highWaterMark';
    throw new codes.ERR_INVALID_ARG_VALUE(name, hwm);
  }
  return Math.floor(hwm);
}

module.exports = {
  getHighWaterMark,
  getDefaultHighWaterMark,
  setDefaultHighWaterMark,
};
