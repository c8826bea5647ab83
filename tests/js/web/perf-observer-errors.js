// PerformanceObserver argument errors.
const t = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, e.name, e.code, e.message); }
};
t('no callback', () => new PerformanceObserver());
t('callback string', () => new PerformanceObserver('x'));
t('observe nothing', () => new PerformanceObserver(() => {}).observe());
t('observe empty', () => new PerformanceObserver(() => {}).observe({}));
t('observe both', () => new PerformanceObserver(() => {}).observe({ entryTypes: ['mark'], type: 'mark' }));
t('entryTypes string', () => new PerformanceObserver(() => {}).observe({ entryTypes: 'mark' }));
t('single then multiple', () => {
  const o = new PerformanceObserver(() => {});
  o.observe({ type: 'mark' });
  o.observe({ entryTypes: ['mark'] });
});
t('multiple then single', () => {
  const o = new PerformanceObserver(() => {});
  o.observe({ entryTypes: ['mark'] });
  o.observe({ type: 'mark' });
});
t('disconnect twice', () => {
  const o = new PerformanceObserver(() => {});
  o.disconnect();
  o.disconnect();
  return 'ok';
});
