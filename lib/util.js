// util - placeholder format/inspect until the complete module lands.
'use strict';

function inspect(v, opts, depth = 0) {
  if (typeof v === 'string') return depth === 0 ? v : `'${v}'`;
  if (typeof v === 'bigint') return `${v}n`;
  if (typeof v === 'symbol') return v.toString();
  if (typeof v === 'function') return `[Function: ${v.name || '(anonymous)'}]`;
  if (v === null || typeof v !== 'object') return Object.is(v, -0) ? '-0' : String(v);
  if (v instanceof Error) return v.stack;
  if (depth > 2) return Array.isArray(v) ? '[Array]' : '[Object]';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[ ${v.map((x) => inspect(x, opts, depth + 1)).join(', ')} ]`;
  }
  const keys = Object.keys(v);
  if (keys.length === 0) return '{}';
  return `{ ${keys.map((k) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k}'`}: ${inspect(v[k], opts, depth + 1)}`).join(', ')} }`;
}

function format(...args) {
  return formatWithOptions({}, ...args);
}

function formatWithOptions(opts, ...args) {
  let first = args[0];
  let i = 1;
  let out;
  if (typeof first === 'string') {
    out = first.replace(/%[sdifjoOc%]/g, (m) => {
      if (m === '%%') return '%';
      if (i >= args.length) return m;
      const a = args[i++];
      switch (m) {
        case '%s': return typeof a === 'string' ? a : inspect(a, opts, 1);
        case '%d': case '%i': return String(m === '%i' ? parseInt(a) : Number(a));
        case '%f': return String(parseFloat(a));
        case '%j': return JSON.stringify(a);
        case '%c': return '';
        default: return inspect(a, opts, 1);
      }
    });
  } else {
    out = inspect(first, opts, 0);
  }
  for (; i < args.length; i++) {
    out += ' ' + inspect(args[i], opts, typeof args[i] === 'string' ? 0 : 0);
  }
  return out;
}

module.exports = { inspect, format, formatWithOptions };
