// end(chunk, encoding, cb) forms; end returns the stream; end while
// writes are pending waits for them.
const { Writable } = require('stream');

const seen = [];
let finished = 0;
function make(name) {
  const w = new Writable({
    decodeStrings: false,
    write(chunk, enc, cb) {
      seen.push(`${name}:${chunk}:${enc}`);
      setImmediate(cb);
    },
  });
  w.on('finish', () => {
    seen.push(`${name}:finish`);
    if (++finished === 7) setImmediate(() => console.log(seen.join('\n')));
  });
  return w;
}
const a = make('a');
console.log('end returns this', a.end() === a);
make('b').end('chunk');
make('c').end('6869', 'hex');
make('d').end('x', () => seen.push('d:cb'));
make('e').end(() => seen.push('e:cb'));
make('f').end('y', 'latin1', () => seen.push('f:cb'));
const g = make('g');
g.write('1');
g.write('2');
g.end('3', () => seen.push('g:cb'));
