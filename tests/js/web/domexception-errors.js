// DOMException: options objects, cause, brand checks, subclasses.
const t = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, 'threw', e.name, e.code, e.message); }
};
const c = new DOMException('with cause', { name: 'DataCloneError', cause: { why: 1 } });
console.log(c.name, c.code, c.cause, Object.getOwnPropertyDescriptor(c, 'cause'));
const u = new DOMException('m', { cause: undefined });
console.log(Object.hasOwn(u, 'cause'), u.name);
const n = new DOMException('m', {});
console.log(n.name, Object.hasOwn(n, 'cause'));
t('getter name', () => Object.getOwnPropertyDescriptor(DOMException.prototype, 'name').get.call({}));
t('getter code', () => Object.getOwnPropertyDescriptor(DOMException.prototype, 'code').get.call(new Error('x')));
t('getter message', () => Object.getOwnPropertyDescriptor(DOMException.prototype, 'message').get.call(null));
t('proto name', () => DOMException.prototype.name);
class MyEx extends DOMException {
  constructor(m) { super(m, 'TimeoutError'); this.extra = true; }
}
const m = new MyEx('late');
console.log(m.name, m.code, m.message, m.extra, m instanceof DOMException, m instanceof Error);
console.log(Object.prototype.toString.call(m), m.constructor.name);
try { throw new DOMException('thrown', 'NotFoundError'); } catch (e) { console.log(e.name, e.code, e.message); }
