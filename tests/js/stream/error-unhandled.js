// A stream 'error' with no listener ends the process with exit code 1,
// after what was already written.
const { Readable } = require('stream');

console.log('before');
const r = new Readable({ read() {} });
process.on('exit', (code) => console.log('exit event', code));
r.destroy(new Error('nobody listens'));
console.log('after destroy (the error comes a tick later)');
