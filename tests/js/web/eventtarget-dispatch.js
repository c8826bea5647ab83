// EventTarget: what listeners see while an event is dispatched, and the
// return value of dispatchEvent.
const et = new EventTarget();
et.addEventListener('x', function (e) {
  console.log('1', this === et, e.target === et, e.currentTarget === et, e.srcElement === et,
    e.eventPhase, e.composedPath().length, e.returnValue);
});
et.addEventListener('x', function (e) {
  // From the second listener on, Node no longer counts the event as being
  // dispatched.
  console.log('2', e.target === et, e.currentTarget, e.eventPhase, e.composedPath().length);
  e.preventDefault();
  console.log('prevented', e.defaultPrevented, e.returnValue);
});
const e = new Event('x', { cancelable: true });
console.log('returned', et.dispatchEvent(e));
console.log('after', e.target === et, e.currentTarget, e.eventPhase, e.composedPath().length, e.defaultPrevented);
const plain = new Event('x');
console.log('not cancelable', et.dispatchEvent(plain), plain.defaultPrevented);
console.log('no listeners', new EventTarget().dispatchEvent(new Event('nothing')));
const again = new Event('y', { cancelable: true });
const t2 = new EventTarget();
t2.addEventListener('y', (ev) => console.log('redispatch', ev.target === t2));
t2.dispatchEvent(again);
et.addEventListener('y', (ev) => console.log('second target', ev.target === et));
et.dispatchEvent(again);
