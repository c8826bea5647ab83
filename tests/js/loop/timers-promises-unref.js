// { ref: false } lets the process exit with the promise pending.
const { setTimeout: sleep } = require('timers/promises');
sleep(1000, 'x', { ref: false }).then(() => console.log('never'));
process.on('exit', (c) => console.log('exit', c));
console.log('scheduled');
