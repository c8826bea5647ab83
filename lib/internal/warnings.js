// internal/warnings - process.emitWarning: the 'warning' event, and the
// "(node:PID) Warning: ..." line on stderr unless --no-warnings.
'use strict';

function emitWarning(warning, type, code) {
  if (type !== null && typeof type === 'object') {
    ({ type, code } = type);
  }
  if (typeof warning === 'string') {
    warning = Object.assign(new Error(warning), { name: type || 'Warning' });
    if (code !== undefined) warning.code = code;
  }
  const argv = process.execArgv;
  if (warning.name === 'DeprecationWarning' && (process.noDeprecation ||
      argv.includes('--no-deprecation'))) return;
  process.nextTick(() => {
    process.emit('warning', warning);
    if (argv.includes('--no-warnings')) return;
    const prefix = `(node:${process.pid}) `;
    const codePart = warning.code ? `[${warning.code}] ` : '';
    process.stderr.write(`${prefix}${codePart}${warning.name}: ` +
      `${warning.message}\n`);
  });
}

module.exports = { emitWarning };
