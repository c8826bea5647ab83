// internal/errors - placeholder for Node's coded errors.
'use strict';

function describe(value) {
  if (value === null) return ' Received null';
  if (value === undefined) return ' Received undefined';
  if (typeof value === 'function') return ` Received function ${value.name}`;
  if (typeof value === 'object') return ' Received an instance of ' +
    (value.constructor && value.constructor.name || 'Object');
  let s = String(value);
  if (s.length > 28) s = s.slice(0, 25) + '...';
  if (typeof value === 'string') s = `'${s}'`;
  return ` Received type ${typeof value} (${s})`;
}

class ERR_INVALID_ARG_TYPE extends TypeError {
  constructor(name, expected, actual) {
    const article = /^[A-Z]/.test(expected) ? 'an instance of' : 'of type';
    super(`The "${name}" argument must be ${article} ${expected}.` +
      describe(actual));
    this.code = 'ERR_INVALID_ARG_TYPE';
  }
}

module.exports = { codes: { ERR_INVALID_ARG_TYPE } };
