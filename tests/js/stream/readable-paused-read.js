// Paused mode: 'readable' and read(n) with strings, how much read() returns
// for each n, and the buffer length as it goes.
const { Readable } = require('stream');

const r = new Readable({ encoding: 'utf8', read() {} });
r.push('hello ');
r.push('world');
console.log('length', r.readableLength, 'flowing', r.readableFlowing);
let round = 0;
r.on('readable', () => {
  round++;
  console.log('readable', round, 'length', r.readableLength);
  if (round === 1) {
    console.log('read(3)', JSON.stringify(r.read(3)));
    console.log('read(100)', JSON.stringify(r.read(100)));
    console.log('read(4)', JSON.stringify(r.read(4)));
    console.log('read()', JSON.stringify(r.read()));
    console.log('read() again', JSON.stringify(r.read()));
    r.push('more');
    r.push(null);
  } else {
    let chunk;
    while ((chunk = r.read()) !== null) console.log('chunk', JSON.stringify(chunk));
  }
});
r.on('end', () => console.log('end', r.readableLength));
r.on('close', () => console.log('close'));
