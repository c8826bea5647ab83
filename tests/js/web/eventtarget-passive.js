// passive listeners and preventDefault, as Node 20 does it.
const et = new EventTarget();
et.addEventListener('p', (e) => {
  e.preventDefault();
  console.log('passive listener', e.defaultPrevented);
}, { passive: true });
console.log(et.dispatchEvent(new Event('p', { cancelable: true })));
const et2 = new EventTarget();
et2.addEventListener('p', (e) => { e.preventDefault(); console.log('active listener', e.defaultPrevented); });
console.log(et2.dispatchEvent(new Event('p', { cancelable: true })));
