// objectMode: every value but null is one item; highWaterMark counts items;
// push returns false at the mark; read(n) returns one object whatever n is.
const { Readable } = require('stream');

const r = new Readable({ objectMode: true, highWaterMark: 3, read() {} });
console.log('hwm', r.readableHighWaterMark, 'objectMode', r.readableObjectMode);
for (const v of [1, 'two', { three: 3 }, [4], false, 0, '']) {
  console.log('push', JSON.stringify(v), r.push(v), 'length', r.readableLength);
}
console.log('read(5)', JSON.stringify(r.read(5)));
console.log('read(0)', JSON.stringify(r.read(0)));
console.log('read()', JSON.stringify(r.read()));
console.log('length', r.readableLength);
r.push(null);
const rest = [];
r.on('data', (d) => rest.push(d));
r.on('end', () => console.log('rest', JSON.stringify(rest)));
