// Event types are strings: case-sensitive, any text, separate lists.
const et = new EventTarget();
et.addEventListener('Click', () => console.log('Click'));
et.addEventListener('click', () => console.log('click'));
et.addEventListener('', () => console.log('empty type'));
et.addEventListener('with space', () => console.log('with space'));
et.addEventListener('ünïcödé', () => console.log('unicode'));
for (const t of ['click', 'Click', '', 'with space', 'ünïcödé', 'CLICK']) et.dispatchEvent(new Event(t));
const sameFn = () => console.log('shared listener');
et.addEventListener('one', sameFn);
et.addEventListener('two', sameFn);
et.removeEventListener('one', sameFn);
et.dispatchEvent(new Event('one'));
et.dispatchEvent(new Event('two'));
