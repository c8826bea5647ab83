'use strict';
// Small internals shared between lib modules and the runtime.

// An 'error' event thrown because nobody listened carries a function under
// this symbol; the runtime's uncaught-exception printer calls it to get the
// stack to print, which adds where the event was emitted:
//   Error: boom
//       at ...
//   Emitted 'error' event on Job instance at:
//       at ...
const kEnhanceStackBeforeInspector = Symbol('kEnhanceStackBeforeInspector');

// Whether output to `stream` should carry ANSI colors: FORCE_COLOR decides
// when set (anything but '0'/'false' means yes), otherwise a TTY reporting
// more than two colors.
function shouldColorize(stream) {
  const force = typeof process === 'object' && process && process.env ? process.env.FORCE_COLOR : undefined;
  if (force !== undefined) return !(force === '0' || force === 'false');
  return Boolean(stream && stream.isTTY &&
    (typeof stream.getColorDepth === 'function' ? stream.getColorDepth() > 2 : true));
}

module.exports = {
  kEnhanceStackBeforeInspector,
  shouldColorize,
};
