// internal/errors/messages - the messages of errors the engine throws
// itself, in V8's words where JavaScriptCore's say the same thing:
//
//   undefined is not an object (evaluating 'o.a.b')
//     -> Cannot read properties of undefined (reading 'b')
//   o.m is not a function. (In 'o.m()', 'o.m' is undefined)
//     -> o.m is not a function
//   Can't find variable: y   -> y is not defined
//   undefined is not a constructor (evaluating 'new o.C()')
//     -> o.C is not a constructor
//
// JavaScriptCore offers no hook where errors are made, so the runtime
// translates where it sees them: the uncaught-exception report, the
// 'uncaughtException' and 'unhandledRejection' events (whose listeners
// get the error with its message rewritten), and util.inspect.  Only a
// message whose meaning is certain is translated: a computed key
// (o[k]) or a destructuring pattern names no property JavaScriptCore
// tells us, so those keep the engine's words.
'use strict';

const IDENT = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u;

// JavaScriptCore's texts.  It quotes only the target of a compound
// assignment or an update (o.a.c for o.a.c += 1), which V8 reports as a
// read too; a plain assignment is quoted whole (o.a.e = 2).
const NOT_AN_OBJECT =
  /^(undefined|null) is not an object \(evaluating '(.*)'\)$/su;
const ASSIGNMENT = /^([^=]*?)\s*=(?![=>])/su;
const NOT_CALLABLE =
  /^(.*) is not a (function|constructor)\. \(In '.*', '.*' is .*\)$/su;
const NOT_NEWABLE =
  /^\S+ is not a constructor \(evaluating 'new ([\p{ID_Continue}$.]+)\(.*\)'\)$/su;
const NO_VARIABLE = /^Can't find variable: (.*)$/su;

// The property of a member expression `base.name`, `base?.name`,
// `base['name']` or `base[0]`, or undefined.
function memberName(expr) {
  let m = /^(.+?)\??\.\s*(#?[^.\s[\]()]+)$/su.exec(expr);
  if (m !== null && IDENT.test(m[2].replace(/^#/, ''))) {
    return m[2].startsWith('#') ? undefined : m[2];
  }
  m = /^(.+)\[\s*(?:'([^'\\]*)'|"([^"\\]*)"|(\d+))\s*\]$/su.exec(expr);
  if (m !== null) return m[2] ?? m[3] ?? m[4];
  return undefined;
}

// V8's message for JavaScriptCore's, or undefined when there is none.
function v8Message(name, message) {
  if (typeof message !== 'string') return undefined;
  let m;
  if (name === 'TypeError') {
    m = NOT_AN_OBJECT.exec(message);
    if (m !== null) {
      const set = ASSIGNMENT.exec(m[2]);
      if (set !== null && !/[!<>]$/.test(set[1])) {
        const prop = memberName(set[1]);
        return prop === undefined ? undefined :
          `Cannot set properties of ${m[1]} (setting '${prop}')`;
      }
      const prop = memberName(m[2]);
      return prop === undefined ? undefined :
        `Cannot read properties of ${m[1]} (reading '${prop}')`;
    }
    m = NOT_CALLABLE.exec(message);
    if (m !== null) return `${m[1]} is not a ${m[2]}`;
    m = NOT_NEWABLE.exec(message);
    if (m !== null) return `${m[1]} is not a constructor`;
    return undefined;
  }
  if (name === 'ReferenceError') {
    m = NO_VARIABLE.exec(message);
    if (m !== null) return `${m[1]} is not defined`;
  }
  return undefined;
}

// Is this an error the engine made (its stack is still in
// JavaScriptCore's format, not one the runtime's constructors made)?
function isEngineError(err) {
  if (err === null || typeof err !== 'object') return false;
  let stack;
  try {
    const d = Object.getOwnPropertyDescriptor(err, 'stack');
    stack = d !== undefined && 'value' in d ? d.value : undefined;
  } catch {
    return false;
  }
  return typeof stack === 'string' && !stack.includes('\n    at ') &&
    /@.*:\d+:\d+$/m.test(stack);
}

// The message an engine error shows in Node, or its own.
function messageOf(err) {
  let name;
  let message;
  try {
    name = err.name;
    message = err.message;
  } catch {
    return undefined;
  }
  return isEngineError(err) ? v8Message(name, message) ?? message : message;
}

// Rewrites an engine error's message in V8's words, once, before
// listeners see it.  Anything else is left alone.
function translate(err) {
  if (!isEngineError(err)) return;
  let desc;
  try {
    desc = Object.getOwnPropertyDescriptor(err, 'message');
  } catch {
    return;
  }
  if (desc === undefined || !('value' in desc) || !desc.configurable) return;
  const v8 = v8Message(err.name, desc.value);
  if (v8 !== undefined) {
    Object.defineProperty(err, 'message', { ...desc, value: v8 });
  }
}

module.exports = { v8Message, messageOf, translate, isEngineError };
