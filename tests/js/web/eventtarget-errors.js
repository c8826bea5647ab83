// EventTarget: argument errors.
const t = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, 'threw', e.name, e.code, e.message); }
};
const et = new EventTarget();
t('add no args', () => et.addEventListener());
t('add one arg', () => et.addEventListener('x'));
t('add number', () => et.addEventListener('x', 5));
t('add string', () => et.addEventListener('x', 'str'));
t('add options number', () => et.addEventListener('x', () => {}, 5));
t('add bad signal', () => et.addEventListener('x', () => {}, { signal: {} }));
t('remove one arg', () => et.removeEventListener('x'));
t('remove number', () => et.removeEventListener('x', 5));
t('remove unknown', () => et.removeEventListener('x', () => {}));
t('dispatch none', () => et.dispatchEvent());
t('dispatch string', () => et.dispatchEvent('x'));
t('dispatch object', () => et.dispatchEvent({ type: 'x' }));
t('dispatch this', () => EventTarget.prototype.dispatchEvent.call({}, new Event('x')));
t('add this', () => EventTarget.prototype.addEventListener.call({}, 'x', () => {}));
t('null listener', () => et.addEventListener('x', null));
t('undefined listener', () => et.addEventListener('x', undefined));
