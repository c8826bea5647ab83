// for await over a Readable: every chunk in order, errors thrown into the
// loop, break destroying the stream, destroyOnReturn: false keeping it.
const { Readable } = require('stream');

(async () => {
  const r = new Readable({ objectMode: true, read() {} });
  r.push('a');
  setTimeout(() => {
    r.push('b');
    r.push(null);
  }, 2);
  for await (const chunk of r) console.log('chunk', chunk);
  console.log('loop done; destroyed', r.destroyed);

  const failing = new Readable({
    objectMode: true,
    read() {
      this.destroy(new Error('read failed'));
    },
  });
  try {
    for await (const x of failing) console.log('never', x);
  } catch (e) {
    console.log('caught', e.message);
  }

  const many = Readable.from([1, 2, 3, 4]);
  for await (const n of many) {
    console.log('n', n);
    if (n === 2) break;
  }
  console.log('after break destroyed', many.destroyed);

  const keep = Readable.from([1, 2, 3, 4], { highWaterMark: 4 });
  for await (const n of keep.iterator({ destroyOnReturn: false })) {
    console.log('first', n);
    break;
  }
  console.log('kept alive destroyed', keep.destroyed);
  const rest = [];
  for await (const n of keep) rest.push(n);
  console.log('rest', rest.join(','));

  const text = new Readable({ read() {} });
  text.setEncoding('utf8');
  text.push('hello ');
  text.push('world');
  text.push(null);
  let s = '';
  for await (const part of text) s += part;
  console.log('text', s);
})();
