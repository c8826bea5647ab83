// pipe(process.stdout) never ends stdout: writing continues after the
// source ends.
const { Readable } = require('stream');

const r = Readable.from(['line 1\n', 'line 2\n']);
r.pipe(process.stdout);
r.on('end', () => {
  console.log('source ended; stdout still writable', process.stdout.writable,
    process.stdout.writableEnded);
  process.stdout.write('more after the pipe\n');
});
