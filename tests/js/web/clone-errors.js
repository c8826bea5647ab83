// structuredClone of Error objects: type, message, stack, cause.
const kinds = [Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError];
for (const K of kinds) {
  const c = structuredClone(new K('msg'));
  console.log(K.name, c.constructor === K, c instanceof K, c.name, c.message);
}
const e = new RangeError('bad', { cause: 'why' });
e.extra = 1;
e.code = 'X';
const c = structuredClone(e);
console.log(c.cause, c.extra, c.code, c.stack === e.stack, typeof c.stack);
console.log(Object.keys(c), Object.getOwnPropertyNames(c));
for (const k of ['stack', 'message', 'cause']) {
  const d = Object.getOwnPropertyDescriptor(c, k);
  console.log(k, d.writable, d.enumerable, d.configurable);
}
class MyErr extends TypeError {}
const m = structuredClone(new MyErr('m'));
console.log(m.constructor.name, m.name, m instanceof MyErr);
const named = new Error('m');
named.name = 'CustomName';
console.log(structuredClone(named).constructor.name, structuredClone(named).name);
const renamed = new Error('m');
renamed.name = 'SyntaxError';
console.log(structuredClone(renamed).constructor.name);
const empty = structuredClone(new Error());
console.log(JSON.stringify(empty.message), Object.getOwnPropertyNames(empty));
const nestedCause = structuredClone(new Error('outer', { cause: new TypeError('inner') }));
console.log(nestedCause.cause instanceof TypeError, nestedCause.cause.message);
const objCause = structuredClone(new Error('o', { cause: { a: [1] } }));
console.log(objCause.cause);
const inObject = structuredClone({ err: new Error('inside') });
console.log(inObject.err instanceof Error, inObject.err.message);
