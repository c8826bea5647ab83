// internal/errors/stack - JavaScriptCore's stack traces in V8's format,
// and the report of an uncaught exception as Node prints it.
//
// JavaScriptCore writes a frame as "fn@file:line:col" ("global code@...",
// "@..." for anonymous functions, "fn@[native code]"); Node's tools and
// users expect "    at fn (file:line:col)".
'use strict';

function convertFrame(frame) {
  const at = frame.lastIndexOf('@');
  let fn = at >= 0 ? frame.slice(0, at) : '';
  const where = at >= 0 ? frame.slice(at + 1) : frame;
  if (where === '[native code]') return `    at ${fn || '<anonymous>'} (native)`;
  if (fn === 'global code' || fn === 'module code') fn = '';
  if (fn === '__nodec_top_level__') fn = 'Object.<anonymous>';
  if (fn === '' || fn === 'anonymous') return `    at ${where}`;
  return `    at ${fn} (${where})`;
}

// "Error: message\n    at ..." from an error object.
function v8Stack(err) {
  let header;
  try {
    header = String(err);
  } catch {
    header = 'Error';
  }
  const raw = typeof err.stack === 'string' ? err.stack : '';
  if (raw.startsWith(header) || raw.includes('\n    at ') ||
      raw.startsWith('    at ')) return raw;
  const frames = raw.split('\n').filter((f) => f !== '').map(convertFrame);
  return frames.length ? `${header}\n${frames.join('\n')}` : header;
}

function sourceLine(file, line) {
  // ES modules are named by their file: URL.
  if (typeof file === 'string' && file.startsWith('file://')) {
    try {
      file = decodeURIComponent(file.slice(7));
    } catch {
      return undefined;
    }
  }
  if (typeof file !== 'string' || !file.startsWith('/')) return undefined;
  try {
    const text = internalBinding('native').readFileUtf8(file);
    return text.split('\n')[line - 1];
  } catch {
    return undefined;
  }
}

function formatUncaught(err, version) {
  let out = '';
  const isError = err !== null && typeof err === 'object' &&
    typeof err.stack === 'string';
  if (isError && err.sourceURL && err.line) {
    const text = sourceLine(err.sourceURL, err.line);
    if (text !== undefined) {
      out += `${err.sourceURL}:${err.line}\n${text}\n` +
        `${' '.repeat(Math.max(0, (err.column || 1) - 1))}^\n\n`;
    }
  }
  if (isError) {
    // An unhandled 'error' event adds where it was emitted (events.js).
    let enhance;
    try {
      enhance = err[require('internal/util').kEnhanceStackBeforeInspector];
    } catch {
      enhance = undefined;
    }
    out += typeof enhance === 'function' ? enhance.call(err) : v8Stack(err);
    const extra = Object.keys(err).filter((k) =>
      !['line', 'column', 'sourceURL', 'stack', 'message'].includes(k));
    if (extra.length > 0) {
      const { inspect } = require('util');
      const props = {};
      for (const k of extra) props[k] = err[k];
      out += ' ' + inspect(props);
    }
  } else {
    const { inspect } = require('util');
    out += `Uncaught ${inspect(err)}`;
  }
  return `${out}\n\nNode.js ${version}\n`;
}

module.exports = { v8Stack, formatUncaught, convertFrame };
