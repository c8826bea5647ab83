'use strict';
// Deep equality as used by util.isDeepStrictEqual and assert.deep(Strict)Equal.
//
// Strict mode compares prototypes, uses Object.is for primitives and includes
// enumerable symbol keys. Loose mode uses == for primitives and ignores
// prototypes. Both compare the [[Class]]-like tag (Object.prototype.toString)
// and handle Dates, RegExps, Errors, boxed primitives, typed arrays,
// ArrayBuffers, Maps and Sets (order-insensitive) and cycles.

const types = require('internal/types');
const {
  isAnyArrayBuffer, isArrayBufferView, isBoxedPrimitive, isDate, isMap, isNativeError,
  isRegExp, isSet, isFloat32Array, isFloat64Array, isNumberObject, isStringObject,
  isBooleanObject, isBigIntObject, isSymbolObject,
} = types;

const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);
const isEnumerable = (o, k) => Object.prototype.propertyIsEnumerable.call(o, k);
const objectToString = (o) => Object.prototype.toString.call(o);

const kNoIterator = 0;
const kIsArray = 1;
const kIsSet = 2;
const kIsMap = 3;

function isIndex(key) {
  return typeof key === 'string' && /^(0|[1-9][0-9]*)$/.test(key) && Number(key) < 2 ** 32 - 1;
}

// Own enumerable keys that are not array indices (symbols only when strict).
function nonIndexKeys(value, strict) {
  const keys = [];
  for (const key of Reflect.ownKeys(value)) {
    if (isIndex(key) || !isEnumerable(value, key)) continue;
    if (typeof key === 'symbol' && !strict) continue;
    keys.push(key);
  }
  return keys;
}

function areSimilarRegExps(a, b) {
  return a.source === b.source && a.flags === b.flags && a.lastIndex === b.lastIndex;
}

function areSimilarFloatArrays(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function areSimilarTypedArrays(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  const ua = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const ub = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i < ua.length; i++) if (ua[i] !== ub[i]) return false;
  return true;
}

function areEqualArrayBuffers(a, b) {
  return a.byteLength === b.byteLength && areSimilarTypedArrays(new Uint8Array(a), new Uint8Array(b));
}

function isEqualBoxedPrimitive(a, b) {
  if (isNumberObject(a)) {
    return isNumberObject(b) && Object.is(Number.prototype.valueOf.call(a), Number.prototype.valueOf.call(b));
  }
  if (isStringObject(a)) {
    return isStringObject(b) && String.prototype.valueOf.call(a) === String.prototype.valueOf.call(b);
  }
  if (isBooleanObject(a)) {
    return isBooleanObject(b) && Boolean.prototype.valueOf.call(a) === Boolean.prototype.valueOf.call(b);
  }
  if (isBigIntObject(a)) {
    return isBigIntObject(b) && BigInt.prototype.valueOf.call(a) === BigInt.prototype.valueOf.call(b);
  }
  if (isSymbolObject(a)) {
    return isSymbolObject(b) && Symbol.prototype.valueOf.call(a) === Symbol.prototype.valueOf.call(b);
  }
  return false;
}

function innerDeepEqual(val1, val2, strict, memos) {
  if (val1 === val2) {
    if (val1 !== 0) return true;
    return strict ? Object.is(val1, val2) : true;
  }
  if (strict) {
    if (typeof val1 !== 'object') {
      return typeof val1 === 'number' && Number.isNaN(val1) && Number.isNaN(val2);
    }
    if (typeof val2 !== 'object' || val1 === null || val2 === null) return false;
    if (Object.getPrototypeOf(val1) !== Object.getPrototypeOf(val2)) return false;
  } else {
    if (val1 === null || typeof val1 !== 'object') {
      if (val2 === null || typeof val2 !== 'object') {
        // eslint-disable-next-line eqeqeq
        return val1 == val2 || (Number.isNaN(val1) && Number.isNaN(val2));
      }
      return false;
    }
    if (val2 === null || typeof val2 !== 'object') return false;
  }
  const val1Tag = objectToString(val1);
  const val2Tag = objectToString(val2);
  if (val1Tag !== val2Tag) return false;

  if (Array.isArray(val1)) {
    if (!Array.isArray(val2) || val1.length !== val2.length) return false;
    const keys1 = nonIndexKeys(val1, strict);
    const keys2 = nonIndexKeys(val2, strict);
    if (keys1.length !== keys2.length) return false;
    return keyCheck(val1, val2, strict, memos, kIsArray, keys1);
  } else if (val1Tag === '[object Object]' && !isBoxedPrimitive(val1) && !isNativeError(val1)) {
    return keyCheck(val1, val2, strict, memos, kNoIterator);
  } else if (isDate(val1)) {
    if (!isDate(val2) || Date.prototype.getTime.call(val1) !== Date.prototype.getTime.call(val2)) {
      return false;
    }
  } else if (isRegExp(val1)) {
    if (!isRegExp(val2) || !areSimilarRegExps(val1, val2)) return false;
  } else if (isNativeError(val1) || val1 instanceof Error) {
    if ((!isNativeError(val2) && !(val2 instanceof Error)) ||
        val1.message !== val2.message || val1.name !== val2.name) {
      return false;
    }
    // `cause` and AggregateError's `errors` count too (when they are
    // non-enumerable; enumerable ones are compared with the other keys).
    for (const key of ['cause', 'errors']) {
      const enum1 = isEnumerable(val1, key);
      if (enum1 !== isEnumerable(val2, key)) return false;
      if (!enum1 && !innerDeepEqual(val1[key], val2[key], strict, memos)) return false;
    }
  } else if (isArrayBufferView(val1)) {
    if (!strict && (isFloat32Array(val1) || isFloat64Array(val1))) {
      if (!areSimilarFloatArrays(val1, val2)) return false;
    } else if (!areSimilarTypedArrays(val1, val2)) {
      return false;
    }
    const keys1 = nonIndexKeys(val1, strict);
    const keys2 = nonIndexKeys(val2, strict);
    if (keys1.length !== keys2.length) return false;
    return keyCheck(val1, val2, strict, memos, kNoIterator, keys1);
  } else if (isSet(val1)) {
    if (!isSet(val2) || val1.size !== val2.size) return false;
    return keyCheck(val1, val2, strict, memos, kIsSet);
  } else if (isMap(val1)) {
    if (!isMap(val2) || val1.size !== val2.size) return false;
    return keyCheck(val1, val2, strict, memos, kIsMap);
  } else if (isAnyArrayBuffer(val1)) {
    if (!isAnyArrayBuffer(val2) || !areEqualArrayBuffers(val1, val2)) return false;
  } else if (isBoxedPrimitive(val1)) {
    if (!isEqualBoxedPrimitive(val1, val2)) return false;
  } else if (Array.isArray(val2) || isArrayBufferView(val2) || isSet(val2) || isMap(val2) ||
             isDate(val2) || isRegExp(val2) || isAnyArrayBuffer(val2) || isBoxedPrimitive(val2) ||
             isNativeError(val2) || val2 instanceof Error) {
    return false;
  }
  return keyCheck(val1, val2, strict, memos, kNoIterator);
}

function keyCheck(val1, val2, strict, memos, iterationType, aKeys) {
  if (aKeys === undefined) {
    aKeys = Object.keys(val1);
    const bKeys = Object.keys(val2);
    if (aKeys.length !== bKeys.length) return false;
  }
  for (const key of aKeys) {
    if (!isEnumerable(val2, key)) return false;
  }
  if (strict && arguments.length === 5) {
    // Enumerable symbol keys count in strict mode.
    const symbolKeysA = Object.getOwnPropertySymbols(val1);
    let count = 0;
    for (const key of symbolKeysA) {
      if (isEnumerable(val1, key)) {
        if (!isEnumerable(val2, key)) return false;
        aKeys.push(key);
        count++;
      } else if (isEnumerable(val2, key)) {
        return false;
      }
    }
    const symbolKeysB = Object.getOwnPropertySymbols(val2);
    if (symbolKeysA.length !== symbolKeysB.length &&
        symbolKeysB.filter((k) => isEnumerable(val2, k)).length !== count) {
      return false;
    }
  }
  if (aKeys.length === 0 &&
      (iterationType === kNoIterator || (iterationType === kIsArray && val1.length === 0) ||
       val1.size === 0)) {
    return true;
  }

  // Cycle detection: pairs currently being compared are assumed equal when
  // met again at the same position.
  if (memos === undefined) {
    memos = { val1: new Map(), val2: new Map(), position: 0 };
  } else {
    const val2MemoA = memos.val1.get(val1);
    if (val2MemoA !== undefined) {
      const val2MemoB = memos.val2.get(val2);
      if (val2MemoB !== undefined) return val2MemoA === val2MemoB;
    }
    memos.position++;
  }
  memos.val1.set(val1, memos.position);
  memos.val2.set(val2, memos.position);
  const areEq = objEquiv(val1, val2, strict, aKeys, memos, iterationType);
  memos.val1.delete(val1);
  memos.val2.delete(val2);
  return areEq;
}

function setEquiv(a, b, strict, memos) {
  // Primitives are looked up directly; objects (and, in loose mode,
  // primitives that are only == equal) need a pairwise search.
  const pending = [];
  for (const val of a) {
    if (typeof val === 'object' && val !== null) {
      pending.push(val);
    } else if (!b.has(val)) {
      if (strict) return false;
      pending.push(val);
    }
  }
  if (pending.length === 0) return true;
  const used = new Set();
  for (const val of b) {
    // Values of b that a holds exactly are already paired.
    if ((typeof val !== 'object' || val === null) && a.has(val)) used.add(val);
  }
  for (const val of pending) {
    let found = false;
    for (const candidate of b) {
      if (used.has(candidate)) continue;
      if (strict && (typeof candidate !== 'object' || candidate === null)) continue;
      if (innerDeepEqual(val, candidate, strict, memos)) {
        used.add(candidate);
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

function mapEquiv(a, b, strict, memos) {
  const pending = [];
  for (const [key, item1] of a) {
    if (typeof key === 'object' && key !== null) {
      pending.push([key, item1]);
    } else {
      const item2 = b.get(key);
      if ((item2 === undefined && !b.has(key)) || !innerDeepEqual(item1, item2, strict, memos)) {
        if (strict) return false;
        pending.push([key, item1]);
      }
    }
  }
  if (pending.length === 0) return true;
  const used = new Set();
  for (const [key, item1] of pending) {
    let found = false;
    for (const [key2, item2] of b) {
      if (used.has(key2)) continue;
      if (strict && (typeof key2 !== 'object' || key2 === null)) continue;
      if (innerDeepEqual(key, key2, strict, memos) && innerDeepEqual(item1, item2, strict, memos)) {
        used.add(key2);
        found = true;
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

function objEquiv(a, b, strict, keys, memos, iterationType) {
  if (iterationType === kIsSet) {
    if (!setEquiv(a, b, strict, memos)) return false;
  } else if (iterationType === kIsMap) {
    if (!mapEquiv(a, b, strict, memos)) return false;
  } else if (iterationType === kIsArray) {
    for (let i = 0; i < a.length; i++) {
      if (hasOwn(a, i)) {
        if (!hasOwn(b, i) || !innerDeepEqual(a[i], b[i], strict, memos)) return false;
      } else if (hasOwn(b, i)) {
        return false;
      } else if (!strict) {
        // A hole equals undefined in loose mode only when b also has one.
        continue;
      }
    }
  }
  for (const key of keys) {
    if (!innerDeepEqual(a[key], b[key], strict, memos)) return false;
  }
  return true;
}

function isDeepEqual(val1, val2) {
  return innerDeepEqual(val1, val2, false);
}

function isDeepStrictEqual(val1, val2) {
  return innerDeepEqual(val1, val2, true);
}

module.exports = { isDeepEqual, isDeepStrictEqual };
