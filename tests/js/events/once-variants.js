// once and prependOnceListener fire once; listeners() unwraps; rawListeners keeps wrappers.
const E = require('events');
const e = new E();
function a() { console.log('a'); }
e.once('x', a);
e.prependOnceListener('x', () => console.log('pre-once'));
console.log(e.listeners('x')[1] === a, e.rawListeners('x')[1] === a, typeof e.rawListeners('x')[1].listener);
e.emit('x'); e.emit('x');
console.log(e.listenerCount('x'));
const w = (e.once('y', a), e.rawListeners('y')[0]);
w(); console.log(e.listenerCount('y'));
