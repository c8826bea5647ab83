// Readable.from over a failing iterator: the stream is destroyed with the
// iterator's error; a generator's finally block runs on destroy.
const { Readable } = require('stream');

function* failing() {
  yield 1;
  throw new Error('generator failed');
}
const a = Readable.from(failing());
a.on('data', (d) => console.log('a data', d));
a.on('error', (e) => console.log('a error', e.message));
a.on('close', () => console.log('a close'));

async function* slow() {
  try {
    yield 'first';
    await new Promise((r) => setTimeout(r, 50));
    yield 'never';
  } finally {
    console.log('async generator finally ran');
  }
}
const b = Readable.from(slow());
b.once('data', (d) => {
  console.log('b data', d);
  b.destroy(new Error('stop now'));
});
b.on('error', (e) => console.log('b error', e.message));
b.on('close', () => console.log('b close'));
