// CustomEvent: detail and inheritance.
const c = new CustomEvent('c', { detail: { n: 1 } });
console.log(c.type, c.detail, c instanceof Event, c instanceof CustomEvent);
console.log(new CustomEvent('x').detail, new CustomEvent('x', {}).detail);
console.log(new CustomEvent('x', { detail: undefined }).detail, new CustomEvent('x', { detail: 0 }).detail);
console.log(new CustomEvent('x', { detail: null }).detail, new CustomEvent('x', { detail: false }).detail);
const detail = [1, 2];
console.log(new CustomEvent('x', { detail }).detail === detail);
console.log(Object.getPrototypeOf(CustomEvent) === Event, CustomEvent.length, CustomEvent.name);
console.log(Object.prototype.toString.call(c), String(c));
const d = Object.getOwnPropertyDescriptor(CustomEvent.prototype, 'detail');
console.log(typeof d.get, d.set, d.enumerable, d.configurable);
const et = new EventTarget();
et.addEventListener('c', (e) => console.log('got', e.detail, e.cancelable));
console.log(et.dispatchEvent(new CustomEvent('c', { detail: 'payload', cancelable: true })));
