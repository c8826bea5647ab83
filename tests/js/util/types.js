// util.types checks on built-in values.
const { types } = require('util');
const checks = ['isDate', 'isRegExp', 'isMap', 'isSet', 'isWeakMap', 'isPromise', 'isTypedArray', 'isUint8Array',
  'isArrayBuffer', 'isAsyncFunction', 'isGeneratorFunction', 'isGeneratorObject', 'isBoxedPrimitive', 'isNativeError',
  'isMapIterator', 'isSetIterator', 'isDataView', 'isSymbolObject', 'isBigInt64Array', 'isArgumentsObject'];
const values = [new Date(), /x/, new Map(), new Set(), new WeakMap(), Promise.resolve(), new Uint8Array(1),
  new ArrayBuffer(1), async () => {}, function* () {}, (function* () {})(), new Number(1), new TypeError(),
  new Map().keys(), new Set().values(), new DataView(new ArrayBuffer(1)), Object(Symbol()), new BigInt64Array(1),
  (function () { return arguments; })()];
for (const c of checks) {
  console.log(c.padEnd(20), values.map((v) => types[c](v) ? 1 : 0).join(''));
}
