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

module.exports = {
  kEnhanceStackBeforeInspector,
};
