'use strict';
// node:path — POSIX and Windows path manipulation with Node 20's exact
// results, including its quirks around roots, trailing separators, dots and
// UNC paths. Pure string work: the only outside input is process.cwd() (and
// on win32 the per-drive `=C:` environment variables) read by resolve().

// Loaded on first use: only invalid arguments need it.
function ERR_INVALID_ARG_TYPE(...args) {
  return new (require('internal/errors').codes.ERR_INVALID_ARG_TYPE)(...args);
}

const CHAR_DOT = 46;
const CHAR_FORWARD_SLASH = 47;
const CHAR_BACKWARD_SLASH = 92;
const CHAR_COLON = 58;
const CHAR_QUESTION_MARK = 63;

function validateString(value, name) {
  if (typeof value !== 'string') throw ERR_INVALID_ARG_TYPE(name, 'string', value);
}

function validateObject(value, name) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw ERR_INVALID_ARG_TYPE(name, 'Object', value);
}

function isPosixPathSeparator(code) {
  return code === CHAR_FORWARD_SLASH;
}

function isPathSeparator(code) {
  return code === CHAR_FORWARD_SLASH || code === CHAR_BACKWARD_SLASH;
}

function isWindowsDeviceRoot(code) {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function cwd() {
  return process.cwd();
}

// Resolves '.' and '..' segments and collapses repeated separators in a
// path without its root. '..' that would climb above the start is kept
// only when `allowAboveRoot` (relative paths); empty result is ''.
function normalizeString(path, allowAboveRoot, separator, isSep) {
  const out = [];
  let segStart = 0;
  for (let i = 0; i <= path.length; i++) {
    if (i < path.length && !isSep(path.charCodeAt(i))) continue;
    const seg = path.slice(segStart, i);
    segStart = i + 1;
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (allowAboveRoot) out.push('..');
      continue;
    }
    out.push(seg);
  }
  return out.join(separator);
}

// Scans the last component of `path` backwards from its end down to
// `start`, skipping trailing separators. Reports where the component
// starts and ends and where its extension dot is, with Node's rules:
// a leading dot ('.bashrc') and the name '..' have no extension.
function scanTail(path, start, startPart, isSep) {
  let startDot = -1;
  let end = -1;
  let matchedSlash = true;
  // 0: nothing seen before the last dot; 1: another dot; -1: other chars.
  let preDotState = 0;
  for (let i = path.length - 1; i >= start; --i) {
    const code = path.charCodeAt(i);
    if (isSep(code)) {
      if (!matchedSlash) {
        startPart = i + 1;
        break;
      }
      continue;
    }
    if (end === -1) {
      matchedSlash = false;
      end = i + 1;
    }
    if (code === CHAR_DOT) {
      if (startDot === -1) startDot = i;
      else if (preDotState !== 1) preDotState = 1;
    } else if (startDot !== -1) {
      preDotState = -1;
    }
  }
  const hasExt = !(startDot === -1 || end === -1 || preDotState === 0 ||
    (preDotState === 1 && startDot === end - 1 && startDot === startPart + 1));
  return { startPart, end, startDot, hasExt };
}

// basename() for both flavours: the last component from `start` on. With a
// suffix, the scan also matches the suffix backwards from the end of the
// component; Node returns the whole scanned range when nothing but
// separators was found (basename('//', 'x') is '//').
function basenameFrom(path, start, isSep, suffix) {
  let begin = start;
  let end = -1;
  let matchedSlash = true;
  if (suffix !== undefined && suffix.length > 0 && suffix.length <= path.length) {
    if (suffix === path) return '';
    let extIdx = suffix.length - 1;
    let firstNonSlashEnd = -1;
    for (let i = path.length - 1; i >= start; --i) {
      const code = path.charCodeAt(i);
      if (isSep(code)) {
        if (!matchedSlash) {
          begin = i + 1;
          break;
        }
        continue;
      }
      if (firstNonSlashEnd === -1) {
        matchedSlash = false;
        firstNonSlashEnd = i + 1;
      }
      if (extIdx >= 0) {
        if (code === suffix.charCodeAt(extIdx)) {
          // The whole suffix matched: the name ends before it.
          if (--extIdx === -1) end = i;
        } else {
          // Mismatch: no suffix to remove.
          extIdx = -1;
          end = firstNonSlashEnd;
        }
      }
    }
    // A name that is only the suffix keeps it.
    if (begin === end) end = firstNonSlashEnd;
    else if (end === -1) end = path.length;
    return path.slice(begin, end);
  }
  for (let i = path.length - 1; i >= start; --i) {
    if (isSep(path.charCodeAt(i))) {
      if (!matchedSlash) {
        begin = i + 1;
        break;
      }
    } else if (end === -1) {
      matchedSlash = false;
      end = i + 1;
    }
  }
  if (end === -1) return '';
  return path.slice(begin, end);
}

function formatExt(ext) {
  return ext ? `${ext[0] === '.' ? '' : '.'}${ext}` : '';
}

function _format(sep, pathObject) {
  validateObject(pathObject, 'pathObject');
  const dir = pathObject.dir || pathObject.root;
  const base = pathObject.base || `${pathObject.name || ''}${formatExt(pathObject.ext)}`;
  if (!dir) return base;
  return dir === pathObject.root ? `${dir}${base}` : `${dir}${sep}${base}`;
}

// ---------------------------------------------------------------------------
// Glob matching (path.matchesGlob): *, **, ?, [...], {a,b}

function globToRegExp(pattern, sepChars) {
  const sepClass = sepChars === '/' ? '\\/' : '\\\\/';
  const notSep = `[^${sepClass}]`;
  let re = '';
  let i = 0;
  let inBrace = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    // Like minimatch, wildcards do not match a leading dot of a name.
    const segStart = i === 0 || pattern[i - 1] === '/' || (sepChars !== '/' && pattern[i - 1] === '\\');
    if (segStart && (c === '*' || c === '?' || c === '[')) re += '(?!\\.)';
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        // '**' spans directories when it is a whole segment.
        const before = i === 0 || pattern[i - 1] === '/' || (sepChars !== '/' && pattern[i - 1] === '\\');
        let j = i + 2;
        const after = j === pattern.length || pattern[j] === '/' || (sepChars !== '/' && pattern[j] === '\\');
        if (before && after) {
          if (j < pattern.length) {
            re += `(?:${notSep}*[${sepClass}])*`;
            j++;
          } else {
            re += '.*';
          }
          i = j;
          continue;
        }
        while (pattern[j] === '*') j++;
        re += `${notSep}*`;
        i = j;
        continue;
      }
      re += `${notSep}*`;
    } else if (c === '?') {
      re += notSep;
    } else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close === -1) {
        re += '\\[';
      } else {
        let body = pattern.slice(i + 1, close);
        if (body[0] === '!') body = `^${body.slice(1)}`;
        re += `[${body.replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else if (c === '{') {
      inBrace++;
      re += '(?:';
    } else if (c === '}' && inBrace > 0) {
      inBrace--;
      re += ')';
    } else if (c === ',' && inBrace > 0) {
      re += '|';
    } else if (c === '/' || (sepChars !== '/' && c === '\\')) {
      re += `[${sepClass}]`;
    } else {
      re += c.replace(/[.+^$()|\\]/g, '\\$&');
    }
    i++;
  }
  return new RegExp(`^${re}$`, sepChars === '/' ? '' : 'i');
}

let warnedGlob = false;

function matchesGlobWith(sepChars) {
  return function matchesGlob(path, pattern) {
    if (!warnedGlob) {
      // Experimental in Node 20: it says so once per process.
      warnedGlob = true;
      process.emitWarning('glob is an experimental feature and might change at any time',
        'ExperimentalWarning');
    }
    validateString(path, 'path');
    validateString(pattern, 'pattern');
    return globToRegExp(pattern, sepChars).test(path);
  };
}

// ---------------------------------------------------------------------------
// POSIX

const posix = {
  resolve(...args) {
    let resolvedPath = '';
    let resolvedAbsolute = false;
    // Right to left until an absolute path is formed; cwd last.
    for (let i = args.length - 1; i >= -1 && !resolvedAbsolute; i--) {
      const path = i >= 0 ? args[i] : cwd();
      validateString(path, `paths[${i}]`);
      if (path.length === 0) continue;
      resolvedPath = `${path}/${resolvedPath}`;
      resolvedAbsolute = path.charCodeAt(0) === CHAR_FORWARD_SLASH;
    }
    resolvedPath = normalizeString(resolvedPath, !resolvedAbsolute, '/', isPosixPathSeparator);
    if (resolvedAbsolute) return `/${resolvedPath}`;
    return resolvedPath.length > 0 ? resolvedPath : '.';
  },

  normalize(path) {
    validateString(path, 'path');
    if (path.length === 0) return '.';
    const isAbsolute = path.charCodeAt(0) === CHAR_FORWARD_SLASH;
    const trailingSeparator = path.charCodeAt(path.length - 1) === CHAR_FORWARD_SLASH;
    path = normalizeString(path, !isAbsolute, '/', isPosixPathSeparator);
    if (path.length === 0) {
      if (isAbsolute) return '/';
      return trailingSeparator ? './' : '.';
    }
    if (trailingSeparator) path += '/';
    return isAbsolute ? `/${path}` : path;
  },

  isAbsolute(path) {
    validateString(path, 'path');
    return path.length > 0 && path.charCodeAt(0) === CHAR_FORWARD_SLASH;
  },

  join(...args) {
    if (args.length === 0) return '.';
    let joined;
    for (const arg of args) {
      validateString(arg, 'path');
      if (arg.length > 0) joined = joined === undefined ? arg : `${joined}/${arg}`;
    }
    if (joined === undefined) return '.';
    return posix.normalize(joined);
  },

  relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');
    if (from === to) return '';
    from = posix.resolve(from);
    to = posix.resolve(to);
    if (from === to) return '';
    // Both are now canonical absolute paths: compare segment by segment.
    const fromParts = from === '/' ? [] : from.slice(1).split('/');
    const toParts = to === '/' ? [] : to.slice(1).split('/');
    let common = 0;
    while (common < fromParts.length && common < toParts.length &&
           fromParts[common] === toParts[common]) {
      common++;
    }
    const up = new Array(fromParts.length - common).fill('..');
    return up.concat(toParts.slice(common)).join('/');
  },

  toNamespacedPath(path) {
    // Non-op on POSIX systems
    return path;
  },

  dirname(path) {
    validateString(path, 'path');
    if (path.length === 0) return '.';
    const hasRoot = path.charCodeAt(0) === CHAR_FORWARD_SLASH;
    // Skip trailing separators, then the last component; `end` is the
    // separator before it.
    let end = -1;
    let matchedSlash = true;
    for (let i = path.length - 1; i >= 1; --i) {
      if (path.charCodeAt(i) === CHAR_FORWARD_SLASH) {
        if (!matchedSlash) {
          end = i;
          break;
        }
      } else {
        matchedSlash = false;
      }
    }
    if (end === -1) return hasRoot ? '/' : '.';
    if (hasRoot && end === 1) return '//';
    return path.slice(0, end);
  },

  basename(path, suffix) {
    if (suffix !== undefined) validateString(suffix, 'suffix');
    validateString(path, 'path');
    return basenameFrom(path, 0, isPosixPathSeparator, suffix);
  },

  extname(path) {
    validateString(path, 'path');
    const t = scanTail(path, 0, 0, isPosixPathSeparator);
    return t.hasExt ? path.slice(t.startDot, t.end) : '';
  },

  format: _format.bind(null, '/'),

  parse(path) {
    validateString(path, 'path');
    const ret = { root: '', dir: '', base: '', ext: '', name: '' };
    if (path.length === 0) return ret;
    const isAbsolute = path.charCodeAt(0) === CHAR_FORWARD_SLASH;
    if (isAbsolute) ret.root = '/';
    const t = scanTail(path, isAbsolute ? 1 : 0, 0, isPosixPathSeparator);
    if (t.end !== -1) {
      const start = t.startPart === 0 && isAbsolute ? 1 : t.startPart;
      ret.base = path.slice(start, t.end);
      if (t.hasExt) {
        ret.name = path.slice(start, t.startDot);
        ret.ext = path.slice(t.startDot, t.end);
      } else {
        ret.name = ret.base;
      }
    }
    if (t.startPart > 0) ret.dir = path.slice(0, t.startPart - 1);
    else if (isAbsolute) ret.dir = '/';
    return ret;
  },

  matchesGlob: matchesGlobWith('/'),

  sep: '/',
  delimiter: ':',
  win32: null,
  posix: null,
};

// ---------------------------------------------------------------------------
// Windows

// The root of a Windows path: `C:`/`C:\`, a leading separator, or a UNC
// `\\server\share` prefix. Returns { rootEnd, device, isAbsolute }; device
// is undefined when there is none. `uncWholeLen` reports a UNC root that
// is the entire path (normalize adds a trailing separator then).
function win32Root(path) {
  const len = path.length;
  let rootEnd = 0;
  let device;
  let isAbsolute = false;
  let uncWhole = false;
  const code = path.charCodeAt(0);
  if (len === 1) {
    if (isPathSeparator(code)) return { rootEnd: 1, device, isAbsolute: true, uncWhole };
    return { rootEnd: 0, device, isAbsolute: false, uncWhole };
  }
  if (isPathSeparator(code)) {
    isAbsolute = true;
    rootEnd = 1;
    if (isPathSeparator(path.charCodeAt(1))) {
      // \\server\share[\...]
      let j = 2;
      let last = j;
      while (j < len && !isPathSeparator(path.charCodeAt(j))) j++;
      if (j < len && j !== last) {
        const firstPart = path.slice(last, j);
        if (firstPart === '.' || firstPart === '?') {
          // Win32 namespaces \\.\ and \\?\: the prefix is the root.
          return { rootEnd: 4, device: `\\\\${firstPart}`, isAbsolute: true, uncWhole };
        }
        last = j;
        while (j < len && isPathSeparator(path.charCodeAt(j))) j++;
        if (j < len && j !== last) {
          last = j;
          while (j < len && !isPathSeparator(path.charCodeAt(j))) j++;
          if (j === len) {
            device = `\\\\${firstPart}\\${path.slice(last)}`;
            rootEnd = j;
            uncWhole = true;
          } else if (j !== last) {
            device = `\\\\${firstPart}\\${path.slice(last, j)}`;
            rootEnd = j;
          }
        }
      }
    }
  } else if (isWindowsDeviceRoot(code) && path.charCodeAt(1) === CHAR_COLON) {
    device = path.slice(0, 2);
    rootEnd = 2;
    if (len > 2 && isPathSeparator(path.charCodeAt(2))) {
      isAbsolute = true;
      rootEnd = 3;
    }
  }
  return { rootEnd, device, isAbsolute, uncWhole };
}

const win32 = {
  resolve(...args) {
    let resolvedDevice = '';
    let resolvedTail = '';
    let resolvedAbsolute = false;

    for (let i = args.length - 1; i >= -1; i--) {
      let path;
      if (i >= 0) {
        path = args[i];
        validateString(path, `paths[${i}]`);
        if (path.length === 0) continue;
      } else if (resolvedDevice.length === 0) {
        path = cwd();
      } else {
        // The current directory of that drive, remembered by cmd.exe in
        // `=C:`-style environment variables; else the drive's root.
        path = process.env[`=${resolvedDevice}`] || cwd();
        if (path === undefined ||
            (path.slice(0, 2).toLowerCase() !== resolvedDevice.toLowerCase() &&
             path.charCodeAt(2) === CHAR_BACKWARD_SLASH)) {
          path = `${resolvedDevice}\\`;
        }
      }

      const { rootEnd, device = '', isAbsolute } = win32Root(path);

      if (device.length > 0) {
        if (resolvedDevice.length > 0) {
          // A path on another drive does not contribute.
          if (device.toLowerCase() !== resolvedDevice.toLowerCase()) continue;
        } else {
          resolvedDevice = device;
        }
      }

      if (resolvedAbsolute) {
        if (resolvedDevice.length > 0) break;
      } else {
        resolvedTail = `${path.slice(rootEnd)}\\${resolvedTail}`;
        resolvedAbsolute = isAbsolute;
        if (isAbsolute && resolvedDevice.length > 0) break;
      }
    }

    resolvedTail = normalizeString(resolvedTail, !resolvedAbsolute, '\\', isPathSeparator);
    return resolvedAbsolute ?
      `${resolvedDevice}\\${resolvedTail}` :
      `${resolvedDevice}${resolvedTail}` || '.';
  },

  normalize(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return '.';
    if (len === 1) return isPosixPathSeparator(path.charCodeAt(0)) ? '\\' : path;
    const { rootEnd, device, isAbsolute, uncWhole } = win32Root(path);
    // A bare UNC root gets a trailing separator.
    if (uncWhole) return `${device}\\`;
    let tail = rootEnd < len ?
      normalizeString(path.slice(rootEnd), !isAbsolute, '\\', isPathSeparator) : '';
    if (tail.length === 0 && !isAbsolute) tail = '.';
    if (tail.length > 0 && isPathSeparator(path.charCodeAt(len - 1))) tail += '\\';
    // A relative result must not read as a drive path (CVE-2025-23084): a
    // path with a 'name:' component gets a leading '.\'.
    if (!isAbsolute && device === undefined && path.includes(':')) {
      if (tail.length >= 2 && isWindowsDeviceRoot(tail.charCodeAt(0)) &&
          tail.charCodeAt(1) === CHAR_COLON) {
        return `.\\${tail}`;
      }
      let index = path.indexOf(':');
      do {
        if (index === len - 1 || isPathSeparator(path.charCodeAt(index + 1))) return `.\\${tail}`;
      } while ((index = path.indexOf(':', index + 1)) !== -1);
    }
    if (device === undefined) return isAbsolute ? `\\${tail}` : tail;
    return isAbsolute ? `${device}\\${tail}` : `${device}${tail}`;
  },

  isAbsolute(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return false;
    const code = path.charCodeAt(0);
    return isPathSeparator(code) ||
      (len > 2 && isWindowsDeviceRoot(code) && path.charCodeAt(1) === CHAR_COLON &&
       isPathSeparator(path.charCodeAt(2)));
  },

  join(...args) {
    if (args.length === 0) return '.';
    let joined;
    let firstPart;
    for (const arg of args) {
      validateString(arg, 'path');
      if (arg.length > 0) {
        if (joined === undefined) joined = firstPart = arg;
        else joined += `\\${arg}`;
      }
    }
    if (joined === undefined) return '.';

    // Joining must not create a UNC root by accident (join('\\', 'srv')),
    // but a first part that is a UNC path keeps it: collapse leading
    // separators to one unless the first part starts with exactly two.
    let needsReplace = true;
    let slashCount = 0;
    if (isPathSeparator(firstPart.charCodeAt(0))) {
      ++slashCount;
      const firstLen = firstPart.length;
      if (firstLen > 1 && isPathSeparator(firstPart.charCodeAt(1))) {
        ++slashCount;
        if (firstLen > 2) {
          if (isPathSeparator(firstPart.charCodeAt(2))) ++slashCount;
          else needsReplace = false;
        }
      }
    }
    if (needsReplace) {
      while (slashCount < joined.length && isPathSeparator(joined.charCodeAt(slashCount))) slashCount++;
      if (slashCount >= 2) joined = `\\${joined.slice(slashCount)}`;
    }
    return win32.normalize(joined);
  },

  relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');
    if (from === to) return '';

    const fromOrig = win32.resolve(from);
    const toOrig = win32.resolve(to);
    if (fromOrig === toOrig) return '';

    from = fromOrig.toLowerCase();
    to = toOrig.toLowerCase();
    if (from === to) return '';

    // Ignore leading and trailing backslashes when comparing.
    let fromStart = 0;
    while (fromStart < from.length && from.charCodeAt(fromStart) === CHAR_BACKWARD_SLASH) fromStart++;
    let fromEnd = from.length;
    while (fromEnd - 1 > fromStart && from.charCodeAt(fromEnd - 1) === CHAR_BACKWARD_SLASH) fromEnd--;
    const fromLen = fromEnd - fromStart;

    let toStart = 0;
    while (toStart < to.length && to.charCodeAt(toStart) === CHAR_BACKWARD_SLASH) toStart++;
    let toEnd = to.length;
    while (toEnd - 1 > toStart && to.charCodeAt(toEnd - 1) === CHAR_BACKWARD_SLASH) toEnd--;
    const toLen = toEnd - toStart;

    // Longest common prefix, remembering its last separator.
    const length = fromLen < toLen ? fromLen : toLen;
    let lastCommonSep = -1;
    let i = 0;
    for (; i < length; i++) {
      const fromCode = from.charCodeAt(fromStart + i);
      if (fromCode !== to.charCodeAt(toStart + i)) break;
      else if (fromCode === CHAR_BACKWARD_SLASH) lastCommonSep = i;
    }

    if (i !== length) {
      // Nothing in common (e.g. other drive): the target as is.
      if (lastCommonSep === -1) return toOrig;
    } else {
      if (toLen > length) {
        // `from` is a prefix of `to`.
        if (to.charCodeAt(toStart + i) === CHAR_BACKWARD_SLASH) return toOrig.slice(toStart + i + 1);
        if (i === 2) return toOrig.slice(toStart + i); // from is a drive root 'C:'
      }
      if (fromLen > length) {
        // `to` is a prefix of `from`.
        if (from.charCodeAt(fromStart + i) === CHAR_BACKWARD_SLASH) lastCommonSep = i;
        else if (i === 2) lastCommonSep = 3;
      }
      if (lastCommonSep === -1) lastCommonSep = 0;
    }

    let out = '';
    // One '..' per component of `from` after the common part.
    for (i = fromStart + lastCommonSep + 1; i <= fromEnd; ++i) {
      if (i === fromEnd || from.charCodeAt(i) === CHAR_BACKWARD_SLASH) {
        out += out.length === 0 ? '..' : '\\..';
      }
    }
    toStart += lastCommonSep;
    if (out.length > 0) return `${out}${toOrig.slice(toStart, toEnd)}`;
    if (toOrig.charCodeAt(toStart) === CHAR_BACKWARD_SLASH) ++toStart;
    return toOrig.slice(toStart, toEnd);
  },

  toNamespacedPath(path) {
    // Only strings get a namespace prefix.
    if (typeof path !== 'string' || path.length === 0) return path;
    const resolvedPath = win32.resolve(path);
    if (resolvedPath.length <= 2) return path;
    if (resolvedPath.charCodeAt(0) === CHAR_BACKWARD_SLASH) {
      if (resolvedPath.charCodeAt(1) === CHAR_BACKWARD_SLASH) {
        const code = resolvedPath.charCodeAt(2);
        if (code !== CHAR_QUESTION_MARK && code !== CHAR_DOT) {
          // \\server\share\ -> \\?\UNC\server\share\
          return `\\\\?\\UNC\\${resolvedPath.slice(2)}`;
        }
      }
    } else if (isWindowsDeviceRoot(resolvedPath.charCodeAt(0)) &&
               resolvedPath.charCodeAt(1) === CHAR_COLON &&
               resolvedPath.charCodeAt(2) === CHAR_BACKWARD_SLASH) {
      return `\\\\?\\${resolvedPath}`;
    }
    return resolvedPath;
  },

  dirname(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return '.';
    let rootEnd = -1;
    let offset = 0;
    const code = path.charCodeAt(0);
    if (len === 1) return isPathSeparator(code) ? path : '.';

    if (isPathSeparator(code)) {
      rootEnd = offset = 1;
      if (isPathSeparator(path.charCodeAt(1))) {
        // A UNC root \\server\share counts as the root.
        let j = 2;
        let last = j;
        while (j < len && !isPathSeparator(path.charCodeAt(j))) j++;
        if (j < len && j !== last) {
          last = j;
          while (j < len && isPathSeparator(path.charCodeAt(j))) j++;
          if (j < len && j !== last) {
            last = j;
            while (j < len && !isPathSeparator(path.charCodeAt(j))) j++;
            if (j === len) return path; // only the UNC root
            if (j !== last) rootEnd = offset = j + 1;
          }
        }
      }
    } else if (isWindowsDeviceRoot(code) && path.charCodeAt(1) === CHAR_COLON) {
      rootEnd = len > 2 && isPathSeparator(path.charCodeAt(2)) ? 3 : 2;
      offset = rootEnd;
    }

    let end = -1;
    let matchedSlash = true;
    for (let i = len - 1; i >= offset; --i) {
      if (isPathSeparator(path.charCodeAt(i))) {
        if (!matchedSlash) {
          end = i;
          break;
        }
      } else {
        matchedSlash = false;
      }
    }
    if (end === -1) {
      if (rootEnd === -1) return '.';
      end = rootEnd;
    }
    return path.slice(0, end);
  },

  basename(path, suffix) {
    if (suffix !== undefined) validateString(suffix, 'suffix');
    validateString(path, 'path');
    // A drive letter is not part of the name.
    const start = path.length >= 2 && isWindowsDeviceRoot(path.charCodeAt(0)) &&
      path.charCodeAt(1) === CHAR_COLON ? 2 : 0;
    return basenameFrom(path, start, isPathSeparator, suffix);
  },

  extname(path) {
    validateString(path, 'path');
    const start = path.length >= 2 && path.charCodeAt(1) === CHAR_COLON &&
      isWindowsDeviceRoot(path.charCodeAt(0)) ? 2 : 0;
    const t = scanTail(path, start, start, isPathSeparator);
    return t.hasExt ? path.slice(t.startDot, t.end) : '';
  },

  format: _format.bind(null, '\\'),

  parse(path) {
    validateString(path, 'path');
    const ret = { root: '', dir: '', base: '', ext: '', name: '' };
    const len = path.length;
    if (len === 0) return ret;

    let rootEnd = 0;
    let code = path.charCodeAt(0);
    if (len === 1) {
      if (isPathSeparator(code)) {
        ret.root = ret.dir = path;
        return ret;
      }
      ret.base = ret.name = path;
      return ret;
    }
    if (isPathSeparator(code)) {
      rootEnd = 1;
      if (isPathSeparator(path.charCodeAt(1))) {
        let j = 2;
        let last = j;
        while (j < len && !isPathSeparator(path.charCodeAt(j))) j++;
        if (j < len && j !== last) {
          last = j;
          while (j < len && isPathSeparator(path.charCodeAt(j))) j++;
          if (j < len && j !== last) {
            last = j;
            while (j < len && !isPathSeparator(path.charCodeAt(j))) j++;
            if (j === len) rootEnd = j;
            else if (j !== last) rootEnd = j + 1;
          }
        }
      }
    } else if (isWindowsDeviceRoot(code) && path.charCodeAt(1) === CHAR_COLON) {
      if (len <= 2) {
        ret.root = ret.dir = path;
        return ret;
      }
      rootEnd = 2;
      if (isPathSeparator(path.charCodeAt(2))) {
        if (len === 3) {
          ret.root = ret.dir = path;
          return ret;
        }
        rootEnd = 3;
      }
    }
    if (rootEnd > 0) ret.root = path.slice(0, rootEnd);

    const t = scanTail(path, rootEnd, rootEnd, isPathSeparator);
    if (t.end !== -1) {
      ret.base = path.slice(t.startPart, t.end);
      if (t.hasExt) {
        ret.name = path.slice(t.startPart, t.startDot);
        ret.ext = path.slice(t.startDot, t.end);
      } else {
        ret.name = ret.base;
      }
    }
    if (t.startPart > 0 && t.startPart !== rootEnd) ret.dir = path.slice(0, t.startPart - 1);
    else ret.dir = ret.root;
    return ret;
  },

  matchesGlob: matchesGlobWith('\\'),

  sep: '\\',
  delimiter: ';',
  win32: null,
  posix: null,
};

posix.win32 = win32.win32 = win32;
posix.posix = win32.posix = posix;

// Legacy internal API, docs-only deprecated: DEP0080
win32._makeLong = win32.toNamespacedPath;
posix._makeLong = posix.toNamespacedPath;

module.exports = posix;
