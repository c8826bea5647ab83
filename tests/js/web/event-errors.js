// Event and CustomEvent argument errors.
const t = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, 'threw', e.name, e.code, e.message); }
};
t('no type', () => new Event());
t('options number', () => new Event('x', 5));
t('options string', () => new Event('x', 'str'));
t('options array', () => new Event('x', []));
t('options function', () => new Event('x', () => {}));
t('custom no type', () => new CustomEvent());
t('initEvent no args', () => new Event('x').initEvent());
t('type getter', () => Object.getOwnPropertyDescriptor(Event.prototype, 'type').get.call({}));
t('preventDefault', () => Event.prototype.preventDefault.call({}));
t('composedPath', () => Event.prototype.composedPath.call(null));
t('detail getter', () => Object.getOwnPropertyDescriptor(CustomEvent.prototype, 'detail').get.call(new Event('x')));
t('isTrusted foreign', () => Object.getOwnPropertyDescriptor(Event.prototype, 'isTrusted').get.call({}));
