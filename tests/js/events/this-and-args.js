// `this` is the emitter in normal functions; arrow functions keep theirs; many args.
const E = require('events');
const e = new E();
e.on('x', function (a, b, c, d, f) { console.log(this === e, a, b, c, d, f); });
e.on('x', () => console.log(this === module.exports));
e.emit('x', 1, 2, 3, 4, 5);
class My extends E {}
const m = new My();
m.on('y', function () { console.log(this.constructor.name); });
m.emit('y');
