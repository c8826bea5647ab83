// EventTarget: stopImmediatePropagation and stopPropagation.
const t = new EventTarget();
t.addEventListener('y', (e) => { console.log('a'); e.stopImmediatePropagation(); console.log('cancelBubble', e.cancelBubble); });
t.addEventListener('y', () => console.log('b (never)'));
console.log(t.dispatchEvent(new Event('y')));
const u = new EventTarget();
u.addEventListener('y', (e) => { console.log('a'); e.stopPropagation(); });
u.addEventListener('y', () => console.log('b (runs: same target)'));
u.dispatchEvent(new Event('y'));
const v = new EventTarget();
v.addEventListener('y', (e) => { e.cancelBubble = true; console.log('cancelBubble set'); });
v.addEventListener('y', () => console.log('still runs'));
v.dispatchEvent(new Event('y'));
const stopped = new Event('z');
stopped.stopImmediatePropagation();
const w = new EventTarget();
w.addEventListener('z', () => console.log('stopped before dispatch: never'));
console.log(w.dispatchEvent(stopped));
