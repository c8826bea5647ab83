// EventTarget, Event, CustomEvent: prototypes and global properties.
const desc = (o, k) => {
  const d = Object.getOwnPropertyDescriptor(o, k);
  if (!d) return 'absent';
  return ('value' in d ? `value:${typeof d.value} w=${d.writable}` : `get=${typeof d.get} set=${typeof d.set}`) +
    ` e=${d.enumerable} c=${d.configurable}`;
};
for (const C of [Event, CustomEvent, EventTarget]) {
  console.log(C.name, C.length, Object.getOwnPropertyNames(C).sort());
  for (const k of Object.getOwnPropertyNames(C.prototype)) console.log('  ', k, desc(C.prototype, k));
  console.log('  tag', desc(C.prototype, Symbol.toStringTag), C.prototype[Symbol.toStringTag]);
}
console.log(EventTarget[Symbol.for('nodejs.event_target')]);
for (const n of ['EventTarget', 'Event', 'CustomEvent']) {
  const v = globalThis[n];
  console.log(n, typeof v, desc(globalThis, n));
}
console.log(Object.prototype.toString.call(new EventTarget()), String(new Event('x')));
class Emitter extends EventTarget {
  constructor() { super(); this.name = 'sub'; }
}
const s = new Emitter();
s.addEventListener('x', function () { console.log('subclass listener', this.name); });
s.dispatchEvent(new Event('x'));
console.log(s instanceof EventTarget, Object.keys(s));
