// 'readable' semantics: fired once data or the end is there; 'end' only
// after read() returned null; a 'readable' listener wins over 'data'.
const { Readable } = require('stream');

const log = [];
const r = new Readable({
  read() {
    log.push('_read');
  },
});
r.on('readable', () => {
  log.push(`readable length=${r.readableLength}`);
  let c;
  while ((c = r.read()) !== null) log.push(`read ${c}`);
});
r.on('data', (d) => log.push(`data ${d}`));
r.on('end', () => {
  log.push('end');
  console.log(log.join('\n'));
  console.log('flowing with both listeners', r.readableFlowing);
});
setTimeout(() => {
  r.push('a');
  r.push('b');
  setTimeout(() => r.push(null), 2);
}, 2);

const empty = new Readable({ read() {} });
empty.push(null);
empty.on('readable', () => console.log('empty: readable, read() ->', empty.read()));
empty.on('end', () => console.log('empty: end'));
