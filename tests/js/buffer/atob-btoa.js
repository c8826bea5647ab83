'use strict';
function t(label, f) {
  try {
    const v = f();
    console.log(label, v);
  } catch (e) {
    console.log(label, 'threw', e.name, e.code, e.message);
  }
}
t('btoa', () => btoa('hello'));
t('btoa latin1', () => btoa('\u00ff\u00e9'));
t('btoa wide', () => btoa('€'));
t('btoa num', () => btoa(123));
t('btoa null', () => btoa(null));
t('btoa none', () => btoa());
t('atob', () => atob('aGVsbG8='));
t('atob no pad', () => atob('aGVsbG8'));
t('atob ws', () => atob(' aGVs\nbG8= '));
t('atob bad char', () => atob('aGV*bG8='));
t('atob rem 1', () => atob('a'));
t('atob bad pad', () => atob('aGVsbG8=='));
t('atob pad mid', () => atob('aG=Vs'));
t('atob 3 pad', () => atob('aG==='));
t('atob url chars', () => atob('_-'));
t('atob binary', () => [...atob('/+8=')].map((c) => c.charCodeAt(0)));
t('atob none', () => atob());
t('atob undefined', () => atob(undefined));
t('atob empty', () => JSON.stringify(atob('')));
t('err name', () => { try { atob('*'); } catch (e) { return [e.name, e.code, e instanceof Error]; } });
