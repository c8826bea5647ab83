// Removing every listener of a type, then adding again; once listeners
// re-added from inside themselves.
const { getEventListeners } = require('events');
const et = new EventTarget();
const f = () => console.log('f');
et.addEventListener('x', f);
et.removeEventListener('x', f);
console.log(getEventListeners(et, 'x').length);
et.addEventListener('x', f);
et.dispatchEvent(new Event('x'));
let n = 0;
const again = () => {
  n++;
  console.log('once run', n);
  if (n < 3) et.addEventListener('again', again, { once: true });
};
et.addEventListener('again', again, { once: true });
et.dispatchEvent(new Event('again'));
et.dispatchEvent(new Event('again'));
et.dispatchEvent(new Event('again'));
et.dispatchEvent(new Event('again'));
console.log('total', n, getEventListeners(et, 'again').length);
