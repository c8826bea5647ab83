// The seed notes' object-mode Transform (toUpper), used record by record.
const { Transform, Readable } = require('node:stream');

const toUpper = new Transform({
  objectMode: true,
  transform(record, _enc, cb) {
    cb(null, { ...record, name: record.name.toUpperCase() });
  },
});

Readable.from([{ id: 1, name: 'ada' }, { id: 2, name: 'grace' }])
  .pipe(toUpper)
  .on('data', (record) => console.log(record))
  .on('end', () => console.log('all records'));
