// internal/web/structured_clone - structuredClone(value, { transfer }):
// the HTML structured clone algorithm as Node 20 (V8's serializer) does it
// within one process.
//
// Copies primitives, boxed primitives, Date, RegExp (lastIndex back to 0),
// Map, Set, ArrayBuffer, typed arrays and DataViews (views sharing one
// buffer still share its copy), errors, arrays (holes, length and extra
// properties kept) and other objects as plain objects: own enumerable
// string-keyed properties, read with [[Get]] so getters run, the prototype
// dropped.  An object met twice is cloned once, so shared and circular
// references keep their shape.  Transferred ArrayBuffers are detached once
// the clone is made.  Proxies cannot be told apart from their targets
// here and are cloned through their traps (V8 refuses them).
// Functions, symbols, promises, weak collections and such throw a
// DataCloneError DOMException worded as V8 words it.
'use strict';

const types = require('internal/types');

function dataCloneError(message) {
  const DOMException = require('internal/web/domexception');
  return new DOMException(message, 'DataCloneError');
}

// V8 names the value it cannot clone without running any of its code.
function describe(value) {
  if (types.isSymbolObject(value)) return '[object Symbol]';
  if (types.isGeneratorObject(value)) return '[object Generator]';
  return require('internal/errors').noSideEffectsToString(value);
}

function uncloneable(value) {
  return dataCloneError(`${describe(value)} could not be cloned.`);
}

const typedArrayTag = Object.getOwnPropertyDescriptor(
  Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get;

const objectToString = Object.prototype.toString;
const boxedTags = new Set(['[object Number]', '[object String]', '[object Boolean]',
  '[object BigInt]', '[object Symbol]']);
const refusedTags = new Set(['[object Promise]', '[object WeakMap]', '[object WeakSet]',
  '[object WeakRef]', '[object Generator]', '[object Module]', '[object Function]']);
const knownTags = new Set([...boxedTags, ...refusedTags, '[object Date]', '[object RegExp]',
  '[object ArrayBuffer]', '[object SharedArrayBuffer]', '[object Map]', '[object Set]',
  '[object Error]', '[object DataView]', '[object Arguments]', '[object Int8Array]',
  '[object Uint8Array]', '[object Uint8ClampedArray]', '[object Int16Array]',
  '[object Uint16Array]', '[object Int32Array]', '[object Uint32Array]',
  '[object Float16Array]', '[object Float32Array]', '[object Float64Array]',
  '[object BigInt64Array]', '[object BigUint64Array]']);

const errorConstructors = {
  EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError,
};

class Cloner {
  constructor(transferred) {
    this.memory = new Map(transferred); // original -> clone
    this.openErrors = new Set(); // errors whose cause is being cloned
  }

  clone(value) {
    if (typeof value === 'function' || typeof value === 'symbol') throw uncloneable(value);
    if (value === null || typeof value !== 'object') return value;
    const seen = this.memory.get(value);
    if (seen !== undefined) {
      // V8 writes an error's fields after its cause, so a cause reaching
      // back to the error fails when read back; Node reports that thus.
      if (this.openErrors.has(seen)) throw new Error('Unable to deserialize cloned data.');
      return seen;
    }
    return this.cloneObject(value);
  }

  remember(value, copy) {
    this.memory.set(value, copy);
    return copy;
  }

  cloneObject(value) {
    // Object.prototype.toString names the brand of most built-ins without
    // throwing; the brand checks (each a thrown exception when it fails)
    // then run only for the one the tag names, or for every kind when the
    // tag is unknown (a Symbol.toStringTag of the program's own).  An
    // object tagged as plain is cloned as one, even a built-in whose
    // prototype was replaced (V8 would still see the built-in).
    if (ArrayBuffer.isView(value)) return this.cloneView(value);
    const tag = objectToString.call(value);
    if (tag === '[object Object]') {
      if (value === globalThis) throw uncloneable(value);
      return this.copyProperties(value, this.remember(value, {}));
    }
    if (tag === '[object Array]' && Array.isArray(value)) {
      return this.copyProperties(value, this.remember(value, new Array(value.length)));
    }
    const any = !knownTags.has(tag);
    if ((any || boxedTags.has(tag)) && types.isBoxedPrimitive(value)) {
      if (types.isSymbolObject(value)) throw uncloneable(value);
      return this.remember(value, Object(value.valueOf()));
    }
    if ((any || tag === '[object Date]') && types.isDate(value)) {
      return this.remember(value, new Date(Date.prototype.getTime.call(value)));
    }
    if ((any || tag === '[object RegExp]') && types.isRegExp(value)) {
      const { source, flags } = value;
      return this.remember(value, new RegExp(source, flags));
    }
    if ((any || tag === '[object ArrayBuffer]') && types.isArrayBuffer(value)) {
      if (value.detached) {
        throw dataCloneError('An ArrayBuffer is detached and could not be cloned.');
      }
      return this.remember(value, value.slice(0));
    }
    if ((any || tag === '[object SharedArrayBuffer]') && types.isSharedArrayBuffer(value)) {
      // Within one process the clone shares the memory; JavaScript cannot
      // make a second SharedArrayBuffer over it, so this is the same one.
      return this.remember(value, value);
    }
    if ((any || tag === '[object Map]') && types.isMap(value)) {
      const copy = this.remember(value, new Map());
      for (const [k, v] of Map.prototype.entries.call(value)) {
        copy.set(this.clone(k), this.clone(v));
      }
      return copy;
    }
    if ((any || tag === '[object Set]') && types.isSet(value)) {
      const copy = this.remember(value, new Set());
      for (const v of Set.prototype.values.call(value)) copy.add(this.clone(v));
      return copy;
    }
    if ((any || tag === '[object Error]') && types.isNativeError(value)) {
      return this.cloneError(value);
    }
    if ((any || refusedTags.has(tag)) &&
        (types.isPromise(value) || types.isWeakMap(value) || types.isWeakSet(value) ||
         types.isWeakRef(value) || types.isProxy(value) ||
         types.isGeneratorObject(value) || types.isModuleNamespaceObject(value) ||
         value === globalThis)) {
      throw uncloneable(value);
    }
    if (Array.isArray(value)) {
      return this.copyProperties(value, this.remember(value, new Array(value.length)));
    }
    return this.copyProperties(value, this.remember(value, {}));
  }

  // The keys are listed once, first; a getter may delete a later one,
  // which is then skipped (V8 checks that each still exists).
  copyProperties(value, copy) {
    for (const key of Object.keys(value)) {
      if (!Object.hasOwn(value, key)) continue;
      if (key === '__proto__') {
        // An own property of that name, not the prototype.
        Object.defineProperty(copy, key, {
          value: this.clone(value[key]), writable: true, enumerable: true, configurable: true,
        });
      } else {
        copy[key] = this.clone(value[key]);
      }
    }
    return copy;
  }

  cloneView(value) {
    const buffer = this.clone(value.buffer);
    if (types.isDataView(value)) {
      return this.remember(value,
        new DataView(buffer, value.byteOffset, value.byteLength));
    }
    // A Buffer (or any subclass) comes back as its base typed array.
    const Ctor = globalThis[typedArrayTag.call(value)];
    return this.remember(value, new Ctor(buffer, value.byteOffset, value.length));
  }

  cloneError(value) {
    const name = value.name;
    const Ctor = Object.hasOwn(errorConstructors, name) ? errorConstructors[name] : Error;
    const copy = this.remember(value, Object.create(Ctor.prototype));
    const stack = value.stack;
    if (typeof stack === 'string') {
      Object.defineProperty(copy, 'stack', {
        value: stack, writable: true, enumerable: false, configurable: true,
      });
    }
    if (Object.hasOwn(value, 'message')) {
      Object.defineProperty(copy, 'message', {
        value: `${value.message}`, writable: true, enumerable: false, configurable: true,
      });
    }
    if (Object.hasOwn(value, 'cause')) {
      this.openErrors.add(copy);
      const cause = this.clone(value.cause);
      this.openErrors.delete(copy);
      Object.defineProperty(copy, 'cause', {
        value: cause, writable: true, enumerable: false, configurable: true,
      });
    }
    return copy;
  }
}

function structuredClone(value, options) {
  if (arguments.length === 0) {
    const err = new TypeError('The value argument must be specified');
    err.code = 'ERR_MISSING_ARGS';
    throw err;
  }
  const transferred = [];
  if (options !== undefined && options !== null) {
    if (typeof options !== 'object') {
      const err = new TypeError('The options argument must be either an object or undefined');
      err.code = 'ERR_INVALID_ARG_TYPE';
      throw err;
    }
    const { transfer } = options;
    if (transfer !== undefined && transfer !== null) {
      if (typeof transfer !== 'object') {
        const err = new TypeError('Optional transferList argument must be an iterable');
        err.code = 'ERR_INVALID_ARG_TYPE';
        throw err;
      }
      // An object that is not iterable counts as an empty list (Node).
      const list = typeof transfer[Symbol.iterator] === 'function' ? [...transfer] : [];
      for (const item of list) {
        if (!types.isArrayBuffer(item)) {
          const err = new TypeError('Found invalid object in transferList');
          err.code = 'ERR_INVALID_TRANSFER_OBJECT';
          throw err;
        }
      }
      if (new Set(list).size !== list.length) {
        throw dataCloneError('Transfer list contains duplicate ArrayBuffer');
      }
      for (const item of list) transferred.push(item);
    }
  }
  if (transferred.length === 0) return new Cloner([]).clone(value);
  // A transferred buffer's clone starts as a copy; once cloning succeeded
  // the original is detached.  (JavaScript cannot move memory without
  // detaching at once, and a failed clone must leave the list intact, as
  // in Node; the copy is the price.)  An already detached buffer in the
  // list is allowed and moves nothing.
  const live = transferred.filter((ab) => !ab.detached);
  const result = new Cloner(live.map((ab) => [ab, ab.slice(0)])).clone(value);
  for (const ab of live) ab.transfer(0);
  return result;
}

module.exports = { structuredClone };
