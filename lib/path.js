// path - placeholder POSIX path functions until the complete module lands.
'use strict';

function normalizeArray(parts, allowAboveRoot) {
  const res = [];
  for (const p of parts) {
    if (!p || p === '.') continue;
    if (p === '..') {
      if (res.length && res[res.length - 1] !== '..') res.pop();
      else if (allowAboveRoot) res.push('..');
    } else {
      res.push(p);
    }
  }
  return res;
}

const posix = {
  sep: '/',
  delimiter: ':',
  isAbsolute: (p) => p.startsWith('/'),
  normalize(p) {
    if (p === '') return '.';
    const abs = p.startsWith('/');
    const trailing = p.endsWith('/');
    let out = normalizeArray(p.split('/'), !abs).join('/');
    if (!out && !abs) out = '.';
    if (out && trailing) out += '/';
    return (abs ? '/' : '') + out;
  },
  join: (...parts) => posix.normalize(parts.filter((x) => x !== '').join('/') || '.'),
  resolve(...parts) {
    let resolved = '';
    let abs = false;
    for (let i = parts.length - 1; i >= -1 && !abs; i--) {
      const p = i >= 0 ? parts[i] : process.cwd();
      if (!p) continue;
      resolved = `${p}/${resolved}`;
      abs = p.startsWith('/');
    }
    const out = normalizeArray(resolved.split('/'), !abs).join('/');
    return ((abs ? '/' : '') + out) || '.';
  },
  dirname(p) {
    if (p === '') return '.';
    const s = p.replace(/\/+$/, '');
    if (s === '') return '/';
    const i = s.lastIndexOf('/');
    if (i < 0) return '.';
    if (i === 0) return '/';
    return s.slice(0, i).replace(/\/+$/, '') || '/';
  },
  basename(p, ext) {
    const s = p.replace(/\/+$/, '');
    let b = s.slice(s.lastIndexOf('/') + 1);
    if (ext && b.endsWith(ext) && b !== ext) b = b.slice(0, -ext.length);
    return b;
  },
  extname(p) {
    const b = posix.basename(p);
    const i = b.lastIndexOf('.');
    return i <= 0 ? '' : b.slice(i);
  },
  relative(from, to) {
    const f = posix.resolve(from).split('/').filter(Boolean);
    const t = posix.resolve(to).split('/').filter(Boolean);
    let i = 0;
    while (i < f.length && i < t.length && f[i] === t[i]) i++;
    return [...f.slice(i).map(() => '..'), ...t.slice(i)].join('/');
  },
  toNamespacedPath: (p) => p,
};
posix.posix = posix;
module.exports = posix;
