'use strict';
// Brand checks behind util.types.* and util.inspect.
//
// V8 gives Node these as natives; on JavaScriptCore we derive them from
// ECMAScript itself: a built-in method or accessor that requires an internal
// slot throws a TypeError when called on anything else, so "does calling it
// throw?" is an exact brand check that cannot be fooled by prototypes or
// Symbol.toStringTag. The few that ECMAScript cannot answer (promises without
// side effects, proxies, externals) consult an optional native hook from
// internalBinding('types') when the runtime provides one.

const ObjectProtoToString = Object.prototype.toString;
const getOwnDesc = Object.getOwnPropertyDescriptor;
const getProto = Object.getPrototypeOf;

// Returns a function that calls `fn` with `this` = value and reports whether
// it succeeded, i.e. whether value carries the internal slot `fn` requires.
function slotCheck(fn, ...args) {
  return (value) => {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return false;
    try {
      fn.apply(value, args);
      return true;
    } catch {
      return false;
    }
  };
}

function getter(proto, name) {
  const d = getOwnDesc(proto, name);
  return d && d.get;
}

const TypedArray = getProto(Uint8Array);
const typedArrayTag = getter(TypedArray.prototype, Symbol.toStringTag);

// Native hooks are optional: a runtime without them still gets answers for
// everything ECMAScript can decide.
// Taken from internalBinding('types') when the runtime has that binding;
// setNativeHooks() can replace them.
let native = {};
try {
  if (typeof internalBinding === 'function') native = internalBinding('types') || {};
} catch {
  native = {};
}
function setNativeHooks(hooks) {
  native = hooks || {};
}

const isDate = slotCheck(Date.prototype.getTime);
const isMap = slotCheck(getter(Map.prototype, 'size'));
const isSet = slotCheck(getter(Set.prototype, 'size'));
const isWeakMap = slotCheck(WeakMap.prototype.has, {});
const isWeakSet = slotCheck(WeakSet.prototype.has, {});
const isArrayBuffer = slotCheck(getter(ArrayBuffer.prototype, 'byteLength'));
const isSharedArrayBuffer = typeof SharedArrayBuffer === 'function' ?
  slotCheck(getter(SharedArrayBuffer.prototype, 'byteLength')) : () => false;
const isDataView = slotCheck(getter(DataView.prototype, 'buffer'));
const hasNumberData = slotCheck(Number.prototype.valueOf);
const hasStringData = slotCheck(String.prototype.valueOf);
const hasBooleanData = slotCheck(Boolean.prototype.valueOf);
const hasBigIntData = slotCheck(BigInt.prototype.valueOf);
const hasSymbolData = slotCheck(Symbol.prototype.valueOf);
const isNumberObject = (v) => typeof v === 'object' && hasNumberData(v);
const isStringObject = (v) => typeof v === 'object' && hasStringData(v);
const isBooleanObject = (v) => typeof v === 'object' && hasBooleanData(v);
const isBigIntObject = (v) => typeof v === 'object' && hasBigIntData(v);
const isSymbolObject = (v) => typeof v === 'object' && hasSymbolData(v);
const isWeakRef = typeof WeakRef === 'function' ? slotCheck(WeakRef.prototype.deref) : () => false;

const hasRegExpSource = slotCheck(getter(RegExp.prototype, 'source'));
function isRegExp(value) {
  // RegExp.prototype.source answers "(?:)" for RegExp.prototype itself,
  // which is not a RegExp instance.
  if (value === RegExp.prototype) return false;
  return hasRegExpSource(value);
}

function typedArrayName(value) {
  // %TypedArray%.prototype[@@toStringTag] returns the kind, or undefined.
  return typedArrayTag.call(value);
}
function isTypedArray(value) {
  return typedArrayName(value) !== undefined;
}
function typedArrayIs(name) {
  return (value) => typedArrayName(value) === name;
}

function isAnyArrayBuffer(value) {
  return isArrayBuffer(value) || isSharedArrayBuffer(value);
}
function isArrayBufferView(value) {
  return ArrayBuffer.isView(value);
}
function isBoxedPrimitive(value) {
  return isNumberObject(value) || isStringObject(value) || isBooleanObject(value) ||
    isBigIntObject(value) || isSymbolObject(value);
}

function isNativeError(value) {
  if (typeof Error.isError === 'function') return Error.isError(value);
  if (value === null || typeof value !== 'object') return false;
  // [[ErrorData]] makes Object.prototype.toString say "Error" unless a
  // Symbol.toStringTag overrides it.
  return ObjectProtoToString.call(value) === '[object Error]';
}

function isPromise(value) {
  if (native.isPromise) return native.isPromise(value);
  return value !== null && typeof value === 'object' && value instanceof Promise &&
    ObjectProtoToString.call(value) === '[object Promise]';
}

function isArgumentsObject(value) {
  return value !== null && typeof value === 'object' &&
    !(Symbol.toStringTag in value) && ObjectProtoToString.call(value) === '[object Arguments]';
}

// The intrinsic prototypes of the special function kinds and iterators.
const AsyncFunctionProto = getProto(async function () {});
const GeneratorFunctionProto = getProto(function* () {});
const AsyncGeneratorFunctionProto = getProto(async function* () {});
const MapIteratorProto = getProto(new Map().entries());
const SetIteratorProto = getProto(new Set().values());
const GeneratorProto = getProto(function* () {}.prototype);
const AsyncGeneratorProto = getProto(async function* () {}.prototype);

function protoChainHas(value, proto) {
  let p = value;
  while (p !== null && p !== undefined) {
    p = getProto(p);
    if (p === proto) return true;
  }
  return false;
}

function isAsyncFunction(value) {
  if (typeof value !== 'function') return false;
  return protoChainHas(value, AsyncFunctionProto) || protoChainHas(value, AsyncGeneratorFunctionProto);
}
function isGeneratorFunction(value) {
  if (typeof value !== 'function') return false;
  return protoChainHas(value, GeneratorFunctionProto) || protoChainHas(value, AsyncGeneratorFunctionProto);
}
function isGeneratorObject(value) {
  return value !== null && typeof value === 'object' &&
    (protoChainHas(value, GeneratorProto) || protoChainHas(value, AsyncGeneratorProto));
}
function isMapIterator(value) {
  return value !== null && typeof value === 'object' && protoChainHas(value, MapIteratorProto);
}
function isSetIterator(value) {
  return value !== null && typeof value === 'object' && protoChainHas(value, SetIteratorProto);
}
function isModuleNamespaceObject(value) {
  return value !== null && typeof value === 'object' && getProto(value) === null &&
    value[Symbol.toStringTag] === 'Module' && Object.isSealed(value);
}
function isProxy(value) {
  return native.isProxy ? native.isProxy(value) : false;
}
function isExternal(value) {
  return native.isExternal ? native.isExternal(value) : false;
}
function isKeyObject(value) {
  return native.isKeyObject ? native.isKeyObject(value) : false;
}
function isCryptoKey(value) {
  return native.isCryptoKey ? native.isCryptoKey(value) : false;
}

module.exports = {
  isAnyArrayBuffer,
  isArgumentsObject,
  isArrayBuffer,
  isArrayBufferView,
  isAsyncFunction,
  isBigInt64Array: typedArrayIs('BigInt64Array'),
  isBigIntObject,
  isBigUint64Array: typedArrayIs('BigUint64Array'),
  isBooleanObject,
  isBoxedPrimitive,
  isCryptoKey,
  isDataView,
  isDate,
  isExternal,
  isFloat32Array: typedArrayIs('Float32Array'),
  isFloat64Array: typedArrayIs('Float64Array'),
  isGeneratorFunction,
  isGeneratorObject,
  isInt8Array: typedArrayIs('Int8Array'),
  isInt16Array: typedArrayIs('Int16Array'),
  isInt32Array: typedArrayIs('Int32Array'),
  isKeyObject,
  isMap,
  isMapIterator,
  isModuleNamespaceObject,
  isNativeError,
  isNumberObject,
  isPromise,
  isProxy,
  isRegExp,
  isSet,
  isSetIterator,
  isSharedArrayBuffer,
  isStringObject,
  isSymbolObject,
  isTypedArray,
  isUint8Array: typedArrayIs('Uint8Array'),
  isUint8ClampedArray: typedArrayIs('Uint8ClampedArray'),
  isUint16Array: typedArrayIs('Uint16Array'),
  isUint32Array: typedArrayIs('Uint32Array'),
  isWeakMap,
  isWeakSet,
  // Not part of util.types: helpers for inspect.
  typedArrayName,
  isWeakRef,
  setNativeHooks,
};
