// EventTarget: listeners added and removed while dispatching.
const log = (...a) => console.log(...a);
const t1 = new EventTarget();
t1.addEventListener('q', () => { log('t1 first'); t1.addEventListener('q', () => log('t1 added')); });
t1.dispatchEvent(new Event('q'));
log('--');
t1.dispatchEvent(new Event('q'));
log('--');
const t2 = new EventTarget();
t2.addEventListener('q', () => { log('t2 first'); t2.addEventListener('q', () => log('t2 added')); });
t2.addEventListener('q', () => log('t2 second'));
t2.dispatchEvent(new Event('q'));
log('--');
const t3 = new EventTarget();
const g = () => log('t3 removed one');
t3.addEventListener('r', () => { log('t3 first'); t3.removeEventListener('r', g); });
t3.addEventListener('r', g);
t3.addEventListener('r', () => log('t3 last'));
t3.dispatchEvent(new Event('r'));
log('--');
const t4 = new EventTarget();
const self = () => { log('t4 self-removing'); t4.removeEventListener('s', self); };
t4.addEventListener('s', self);
t4.dispatchEvent(new Event('s'));
t4.dispatchEvent(new Event('s'));
log('--');
const t5 = new EventTarget();
t5.addEventListener('n', (e) => {
  try { t5.dispatchEvent(e); } catch (err) { log(err.name, err.code, err.message); }
});
t5.dispatchEvent(new Event('n'));
