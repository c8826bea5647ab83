// Dispatching subclasses of Event; extra fields travel with the event.
class MessageLike extends Event {
  constructor(data) { super('message'); this.data = data; }
}
const et = new EventTarget();
et.addEventListener('message', (e) => console.log(e.constructor.name, e.data, e instanceof Event, e.type));
et.dispatchEvent(new MessageLike({ hello: 'world' }));
et.dispatchEvent(new CustomEvent('message', { detail: 1 }));
class Typed extends Event {
  get type() { return 'overridden'; }
}
et.addEventListener('real', (e) => console.log('dispatched under', e.type));
et.dispatchEvent(new Typed('real'));
et.addEventListener('overridden', () => console.log('listener of the overridden type'));
et.dispatchEvent(new Typed('real'));
