// EventTarget: listener order, duplicates, capture flag, once.
const et = new EventTarget();
const log = [];
const f = () => log.push('f');
const g = () => log.push('g');
et.addEventListener('z', f);
et.addEventListener('z', g);
et.addEventListener('z', f);              // duplicate: ignored
et.addEventListener('z', f, true);        // capture: a separate entry
et.addEventListener('z', f, { once: true }); // duplicate of the first
et.dispatchEvent(new Event('z'));
console.log(log.join(' '));
log.length = 0;
et.removeEventListener('z', f);
et.dispatchEvent(new Event('z'));
console.log(log.join(' '));
log.length = 0;
et.removeEventListener('z', f, { capture: true });
et.dispatchEvent(new Event('z'));
console.log(log.join(' '));
const once = new EventTarget();
let n = 0;
once.addEventListener('o', () => n++, { once: true });
once.dispatchEvent(new Event('o'));
once.dispatchEvent(new Event('o'));
console.log('once ran', n);
const other = new EventTarget();
other.addEventListener('a', () => console.log('a only'));
other.dispatchEvent(new Event('b'));
other.dispatchEvent(new Event('a'));
const numeric = new EventTarget();
numeric.addEventListener(1, () => console.log('type coerced'));
numeric.dispatchEvent(new Event('1'));
