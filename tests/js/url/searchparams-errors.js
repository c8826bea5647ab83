// URLSearchParams errors: bad tuples, non-iterables, missing arguments,
// wrong receivers, bad callbacks.
function t(label, fn) {
  try { console.log(label, 'ok', String(fn())); } catch (e) { console.log(label, e.name, e.code, e.message); }
}
t('tuple3', () => new URLSearchParams([['a', 'b', 'c']]));
t('tuple1', () => new URLSearchParams([['a']]));
t('notuple', () => new URLSearchParams([1]));
t('strtuple', () => new URLSearchParams(['ab']));
t('badIter', () => new URLSearchParams({ [Symbol.iterator]: 1 }));
t('get()', () => new URLSearchParams().get());
t('getAll()', () => new URLSearchParams().getAll());
t('has()', () => new URLSearchParams().has());
t('delete()', () => new URLSearchParams().delete());
t('append(a)', () => new URLSearchParams().append('a'));
t('set(a)', () => new URLSearchParams().set('a'));
t('forEach()', () => new URLSearchParams().forEach());
t('forEach(1)', () => new URLSearchParams().forEach(1));
t('this', () => URLSearchParams.prototype.get.call({}, 'a'));
t('thisToString', () => URLSearchParams.prototype.toString.call([]));
t('symbol', () => new URLSearchParams().append(Symbol('x'), 'y'));
t('iterNext', () => new URLSearchParams('a=1').keys().next.call({}));
t('record', () => new URLSearchParams(Object.create({ inherited: 1 }, { own: { value: 2, enumerable: true }, hidden: { value: 3 } })));
t('sym-key', () => new URLSearchParams({ [Symbol('s')]: 1, k: 2 }));
t('function', () => new URLSearchParams(function f() {}));
t('array-like-pairs', () => new URLSearchParams([new Set(['a', 'b']), 'cd'.split('')]));
