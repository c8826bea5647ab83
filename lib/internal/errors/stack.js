// internal/errors/stack - JavaScriptCore's stack traces in V8's format,
// and the report of an uncaught exception as Node prints it.
//
// JavaScriptCore writes a frame as "fn@file:line:col" ("global code@...",
// "@..." for anonymous functions, "fn@[native code]"); Node's tools and
// users expect "    at fn (file:line:col)".
'use strict';

// --- columns ---------------------------------------------------------------
//
// JavaScriptCore gives a call frame the column of the call's `(`; V8 gives
// the callee's name (`obj.method(` -> `method`) or the `new` of a `new`
// expression.  For files the module loader compiled (it registers each
// with the width its wrapper adds to line 1), the source line turns the
// one into the other.  Lines are read from the file on first need and a
// few files' lines are kept.

// Loaded when an error is first converted, not at start-up.
let messages;
function engineMessages() {
  if (messages === undefined) messages = require('internal/errors/messages');
  return messages;
}

const wrapperShift = new Map();
const lineCache = new Map();
const LINE_CACHE_FILES = 16;

const evalSources = new Map();

// text: the source itself, for code that is not a file (-e, stdin).
function registerSource(filename, firstLineShift, text) {
  wrapperShift.set(filename, firstLineShift);
  if (typeof text === 'string') evalSources.set(filename, text.split('\n'));
}

function linesOf(file) {
  const given = evalSources.get(file);
  if (given !== undefined) return given;
  let lines = lineCache.get(file);
  if (lines === undefined) {
    try {
      lines = internalBinding('native').readFileUtf8(file).split('\n');
    } catch {
      lines = null;
    }
    if (lineCache.size >= LINE_CACHE_FILES) {
      lineCache.delete(lineCache.keys().next().value);
    }
    lineCache.set(file, lines);
  }
  return lines;
}

const identChar = /[\p{ID_Continue}$\u200c\u200d]/u;

function skipSpaceBack(text, i) {
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i;
}

// Index of the first character of the identifier ending at i, or -1.
function identStart(text, i) {
  if (i < 0 || !identChar.test(text[i])) return -1;
  while (i > 0 && identChar.test(text[i - 1])) i--;
  return i;
}

function precededByNew(text, i) {
  const j = skipSpaceBack(text, i - 1);
  return j >= 2 && text.slice(j - 2, j + 1) === 'new' &&
    (j < 3 || !identChar.test(text[j - 3])) ? j - 2 : -1;
}

function v8Column(file, line, col) {
  const shift = wrapperShift.get(file);
  if (shift === undefined) return col;
  if (line === 1) col -= shift;
  const lines = linesOf(file);
  const text = lines && lines[line - 1];
  if (typeof text !== 'string') return col;
  // A failed property access: JavaScriptCore gives the dot, V8 the name.
  if (text[col - 1] === '.' && identStart(text, col) === col) return col + 1;
  if (text[col - 1] !== '(') return col;
  const name = identStart(text, skipSpaceBack(text, col - 2));
  if (name < 0) return col;
  // Walk a member chain (a.b.c) back to its start to find a `new`.
  let start = name;
  for (;;) {
    let j = skipSpaceBack(text, start - 1);
    if (j < 0 || text[j] !== '.') break;
    if (j > 0 && text[j - 1] === '?') j--;
    const prev = identStart(text, skipSpaceBack(text, j - 1));
    if (prev < 0) break;
    start = prev;
  }
  const kw = precededByNew(text, start);
  return (kw >= 0 ? kw : name) + 1;
}

// "file:line:col" with the column as V8 would give it.
function v8Where(where) {
  const m = /^(.*):(\d+):(\d+)$/.exec(where);
  if (m === null || !wrapperShift.has(m[1])) return where;
  return `${m[1]}:${m[2]}:${v8Column(m[1], +m[2], +m[3])}`;
}

function convertFrame(frame) {
  const at = frame.lastIndexOf('@');
  let fn = at >= 0 ? frame.slice(0, at) : '';
  const where = at >= 0 ? v8Where(frame.slice(at + 1)) : frame;
  if (where === '[native code]') return `    at ${fn || '<anonymous>'} (<anonymous>)`;
  if (fn === 'global code' || fn === 'module code') fn = '';
  if (fn === '__nodec_top_level__') fn = 'Object.<anonymous>';
  if (fn === '' || fn === 'anonymous') return `    at ${where}`;
  return `    at ${fn} (${where})`;
}

// "Error: message\n    at ..." from an error object; an error the engine
// made gets V8's message (see internal/errors/messages).
function v8Stack(err) {
  let header;
  try {
    header = String(err);
  } catch {
    header = 'Error';
  }
  if (engineMessages().isEngineError(err)) {
    const name = err.name === undefined ? 'Error' : String(err.name);
    const message = String(engineMessages().messageOf(err) ?? '');
    header = name === '' ? message : message === '' ? name : `${name}: ${message}`;
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
  if (typeof file !== 'string' ||
      !(file.startsWith('/') || evalSources.has(file))) return undefined;
  const lines = linesOf(file);
  return lines ? lines[line - 1] : undefined;
}

function formatUncaught(err, version) {
  let out = '';
  const isError = err !== null && typeof err === 'object' &&
    typeof err.stack === 'string';
  if (isError && err.sourceURL && err.line) {
    const text = sourceLine(err.sourceURL, err.line);
    if (text !== undefined) {
      // V8 marks the throw statement when the error is made in it.
      let col = err.column || 1;
      const thrown = /\bthrow\s*$/.exec(text.slice(0, col - 1));
      if (thrown !== null) col = thrown.index + 1;
      // A failed property access: JavaScriptCore marks the dot, V8 the name.
      if (text[col - 1] === '.' && identStart(text, col) === col) col++;
      out += `${err.sourceURL}:${err.line}\n${text}\n` +
        `${' '.repeat(Math.max(0, col - 1))}^\n\n`;
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

module.exports = { v8Stack, formatUncaught, convertFrame, registerSource, v8Column };
