// emit does not await async listeners; their order is microtask order.
const E = require('events');
const e = new E();
e.on('go', async () => { console.log('async start'); await null; console.log('async after await'); });
e.on('go', () => console.log('sync listener'));
e.emit('go');
console.log('after emit');
