// Event: constructor options and the initial state of an event.
const e = new Event('foo');
console.log(e.type, e.bubbles, e.cancelable, e.composed, e.defaultPrevented);
console.log(e.isTrusted, e.eventPhase, e.target, e.currentTarget, e.srcElement);
console.log(e.returnValue, e.cancelBubble, e.composedPath());
console.log(typeof e.timeStamp, e.timeStamp >= 0, e.timeStamp <= performance.now());
const o = new Event('bar', { bubbles: 1, cancelable: 'yes', composed: {} });
console.log(o.bubbles, o.cancelable, o.composed);
console.log(new Event(42).type, new Event(null).type, new Event(undefined).type);
console.log(new Event('x', null).cancelable, new Event('x', undefined).cancelable);
console.log(new Event({ toString() { return 'obj'; } }).type);
console.log(Event.length, Event.name, Event.NONE, Event.CAPTURING_PHASE, Event.AT_TARGET, Event.BUBBLING_PHASE);
console.log(e.NONE, e.AT_TARGET);
class MyEvent extends Event {
  constructor(type) { super(type, { cancelable: true }); this.extra = 1; }
}
const m = new MyEvent('mine');
console.log(m.type, m.cancelable, m.extra, m instanceof Event, Object.prototype.toString.call(m));
