// unshift() puts data back at the front; after 'end' it is an error.
const { Readable } = require('stream');

const r = new Readable({ read() {} });
r.push('header:body');
r.push(null);
r.once('readable', () => {
  const all = r.read().toString();
  const [head, rest] = all.split(':');
  console.log('head', head);
  r.unshift(Buffer.from(rest));
  console.log('length after unshift', r.readableLength);
  r.on('data', (d) => console.log('data after unshift', d.toString()));
  r.on('end', () => {
    console.log('end');
    r.on('error', (e) => console.log('error', e.code, e.message));
    r.unshift('late');
  });
});

const o = new Readable({ objectMode: true, read() {} });
o.push(2);
o.unshift(1);
o.unshift(0);
o.push(null);
const got = [];
o.on('data', (d) => got.push(d));
o.on('end', () => console.log('objects', got.join(',')));
