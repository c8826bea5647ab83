// initEvent is ignored while the event is being dispatched (first listener).
const et = new EventTarget();
et.addEventListener('orig', (e) => {
  e.initEvent('changed', true, true);
  console.log('inside first listener', e.type, e.bubbles, e.cancelable);
});
et.addEventListener('orig', (e) => {
  e.initEvent('changed2', true, false);
  console.log('inside second listener', e.type, e.bubbles);
});
const ev = new Event('orig');
et.dispatchEvent(ev);
console.log('after', ev.type);
