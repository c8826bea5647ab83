// Own properties of errors, toString, instanceof across constructors.
const e = new Error('m');
console.log(Object.keys(e), Object.getOwnPropertyNames(e).filter((k) => ['message', 'stack'].includes(k)).sort());
console.log(e.toString(), Error.prototype.toString.call({ name: 'N', message: 'M' }));
console.log(Object.prototype.toString.call(e), e instanceof Error, TypeError.prototype instanceof Error);
console.log(Error('called').message, TypeError('called') instanceof TypeError);
console.log(Error.name, TypeError.name, Error.length, Object.getPrototypeOf(TypeError) === Error);
console.log(typeof Error.captureStackTrace, Error.prototype.name, RangeError.prototype.name);
console.log(JSON.stringify(e), JSON.stringify({ e }));
class Sub extends TypeError { get name() { return 'Sub'; } }
console.log(String(new Sub('s')), new Sub('s') instanceof TypeError);
console.log(Object.getOwnPropertyDescriptor(e, 'message'));
