// addEventListener's signal option removes the listener on abort.
const { getEventListeners } = require('events');
const et = new EventTarget();
const ac = new AbortController();
et.addEventListener('x', () => console.log('listener'), { signal: ac.signal });
console.log(getEventListeners(et, 'x').length, getEventListeners(ac.signal, 'abort').length);
et.dispatchEvent(new Event('x'));
ac.abort();
console.log(getEventListeners(et, 'x').length);
et.dispatchEvent(new Event('x'));
et.addEventListener('x', () => console.log('never added'), { signal: ac.signal });
console.log('after aborted signal', getEventListeners(et, 'x').length);
const ac2 = new AbortController();
const f = () => console.log('once+signal');
et.addEventListener('y', f, { once: true, signal: ac2.signal });
et.dispatchEvent(new Event('y'));
et.dispatchEvent(new Event('y'));
ac2.abort();
console.log(getEventListeners(et, 'y').length);
