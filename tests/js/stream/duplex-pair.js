// stream.duplexPair: what one side writes, the other reads.
const { duplexPair } = require('stream');

const [a, b] = duplexPair();
b.on('data', (d) => console.log('b got', String(d)));
a.on('data', (d) => console.log('a got', String(d)));
a.write('hello from a');
b.write('hello from b');
a.end();
b.on('end', () => console.log('b end'));
b.end();
a.on('end', () => console.log('a end'));
