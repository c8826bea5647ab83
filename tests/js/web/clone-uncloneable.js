// structuredClone: DataCloneError for what cannot be cloned.
const t = (label, f) => {
  try { console.log(label, f()); } catch (e) {
    console.log(label, e.name, e.code, e.message, e instanceof DOMException);
  }
};
t('arrow', () => structuredClone(() => {}));
t('function', () => structuredClone(function named(a, b) { return a + b; }));
t('method in object', () => structuredClone({ f() {} }));
t('class', () => structuredClone(class A {}));
t('symbol', () => structuredClone(Symbol('s')));
t('symbol value', () => structuredClone({ a: Symbol('inner') }));
t('symbol object', () => structuredClone(Object(Symbol('boxed'))));
t('weakmap', () => structuredClone(new WeakMap()));
t('weakset', () => structuredClone(new WeakSet()));
t('weakref', () => structuredClone(new WeakRef({})));
t('promise', () => structuredClone(Promise.resolve(1)));
t('nested promise', () => structuredClone([1, { p: Promise.resolve() }]));
t('function cause', () => structuredClone(new Error('x', { cause: () => {} })));
t('map value', () => structuredClone(new Map([[1, () => 1]])));
t('set value', () => structuredClone(new Set([Symbol.iterator])));
t('generator', () => structuredClone((function* g() {})()));
t('missing value', () => structuredClone());
