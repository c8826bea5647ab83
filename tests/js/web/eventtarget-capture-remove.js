// The capture flag: boolean and object forms both match on removal.
const { getEventListeners } = require('events');
const et = new EventTarget();
const f = () => console.log('f');
et.addEventListener('c', f, { capture: true });
et.removeEventListener('c', f);
console.log('non-capture removal leaves it', getEventListeners(et, 'c').length);
et.removeEventListener('c', f, true);
console.log('boolean capture removes it', getEventListeners(et, 'c').length);
et.addEventListener('c', f, true);
et.removeEventListener('c', f, { capture: true, once: true });
console.log('object capture removes it', getEventListeners(et, 'c').length);
et.addEventListener('c', f, { capture: 1 });
et.removeEventListener('c', f, { capture: 'yes' });
console.log('truthy values count', getEventListeners(et, 'c').length);
