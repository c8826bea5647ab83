// Event: preventDefault, cancelBubble, returnValue and initEvent outside
// of any dispatch.
const a = new Event('a');
a.preventDefault();
console.log('not cancelable', a.defaultPrevented, a.returnValue);
const b = new Event('b', { cancelable: true });
b.preventDefault();
console.log('cancelable', b.defaultPrevented, b.returnValue);
const c = new Event('c');
c.cancelBubble = false;
console.log(c.cancelBubble);
c.cancelBubble = true;
console.log(c.cancelBubble);
c.cancelBubble = false;
console.log('cannot unset', c.cancelBubble);
const d = new Event('d');
d.stopPropagation();
console.log('stopPropagation', d.cancelBubble);
const s = new Event('s');
s.stopImmediatePropagation();
console.log('stopImmediatePropagation', s.cancelBubble);
const i = new Event('i');
i.initEvent('renamed', true, true);
console.log(i.type, i.bubbles, i.cancelable);
i.initEvent('again');
console.log(i.type, i.bubbles, i.cancelable);
console.log(Object.keys(Event.prototype));
console.log(Object.keys(CustomEvent.prototype));
console.log(Object.keys(new Event('k')));
