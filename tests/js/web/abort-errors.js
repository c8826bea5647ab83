// AbortController / AbortSignal argument and receiver errors.
const t = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, 'threw', e.name, e.code, e.message); }
};
t('new AbortSignal', () => new AbortSignal());
t('aborted getter', () => Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'aborted').get.call({}));
t('reason getter', () => Object.getOwnPropertyDescriptor(AbortSignal.prototype, 'reason').get.call({}));
t('throwIfAborted', () => AbortSignal.prototype.throwIfAborted.call({}));
t('proto aborted', () => AbortSignal.prototype.aborted);
t('timeout string', () => AbortSignal.timeout('1'));
t('timeout negative', () => AbortSignal.timeout(-1));
t('timeout too big', () => AbortSignal.timeout(2 ** 32));
t('timeout fraction', () => AbortSignal.timeout(1.5));
t('timeout NaN', () => AbortSignal.timeout(NaN));
t('any number', () => AbortSignal.any(5));
t('any undefined', () => AbortSignal.any());
t('any bad element', () => AbortSignal.any([AbortSignal.abort(), {}]));
t('any null element', () => AbortSignal.any([null]));
