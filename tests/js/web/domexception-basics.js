// DOMException: names, legacy codes, message conversion, Error ancestry.
const names = ['IndexSizeError', 'HierarchyRequestError', 'WrongDocumentError',
  'InvalidCharacterError', 'NoModificationAllowedError', 'NotFoundError',
  'NotSupportedError', 'InUseAttributeError', 'InvalidStateError', 'SyntaxError',
  'InvalidModificationError', 'NamespaceError', 'InvalidAccessError',
  'TypeMismatchError', 'SecurityError', 'NetworkError', 'AbortError',
  'URLMismatchError', 'QuotaExceededError', 'TimeoutError', 'InvalidNodeTypeError',
  'DataCloneError', 'EncodingError', 'NotReadableError', 'UnknownError',
  'ConstraintError', 'DataError', 'OperationError', 'NotAllowedError', 'Custom'];
for (const n of names) {
  const e = new DOMException('msg', n);
  console.log(n, e.code, e.name === n, e.message);
}
const d = new DOMException();
console.log(JSON.stringify([d.name, d.message, d.code]));
console.log(new DOMException(undefined, 'AbortError').message === '');
console.log(new DOMException(null).message, new DOMException(42, 'x').message);
console.log(new DOMException('m', null).name, new DOMException('m', 7).name);
const e = new DOMException('boom', 'AbortError');
console.log(e instanceof DOMException, e instanceof Error, typeof e.stack);
console.log(Object.prototype.toString.call(e), String(e), e.toString());
console.log(Object.keys(e), Object.getOwnPropertyNames(e));
console.log(Object.getPrototypeOf(DOMException) === Function.prototype);
console.log(Object.getPrototypeOf(DOMException.prototype) === Error.prototype);
console.log(DOMException.name, DOMException.length);
console.log(e.stack.split('\n')[0]);
