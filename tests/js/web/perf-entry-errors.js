// Brand checks of the perf_hooks accessors.
const t = (label, f) => {
  try { console.log(label, f()); } catch (e) { console.log(label, e.name, e.code, e.message); }
};
const get = (C, k) => Object.getOwnPropertyDescriptor(C.prototype, k).get;
t('name', () => get(PerformanceEntry, 'name').call({}));
t('entryType', () => get(PerformanceEntry, 'entryType').call(null));
t('startTime', () => get(PerformanceEntry, 'startTime').call(1));
t('detail', () => get(PerformanceMark, 'detail').call({}));
t('ok', () => get(PerformanceEntry, 'name').call(performance.mark('fine')));
