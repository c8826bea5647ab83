// push() errors: after EOF, of a wrong type; push's return value.
const { Readable } = require('stream');

const a = new Readable({ read() {} });
a.on('error', (e) => console.log('a', e.name, e.code, e.message));
console.log('push(null) returns', a.push(null));
console.log('push after EOF returns', a.push('x'));

const b = new Readable({ read() {} });
b.on('error', (e) => console.log('b', e.name, e.code, e.message));
console.log('push(42) returns', b.push(42));
console.log('b destroyed', b.destroyed);

const c = new Readable({ read() {} });
console.log('push(undefined) returns', c.push(undefined), 'length', c.readableLength);
console.log('push("") returns', c.push(''), 'length', c.readableLength);

const d = new Readable({ highWaterMark: 4, read() {} });
console.log('push under hwm', d.push('ab'), 'at hwm', d.push('cd'), 'over', d.push('ef'));
d.destroy();
console.log('push after destroy', d.push('gh'));

const e = new Readable();
e.on('error', (err) => console.log('no _read:', err.code, err.message));
e.read();
