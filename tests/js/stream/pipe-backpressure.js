// pipe(): a fast source into a slow destination pauses on write() false
// and resumes on 'drain'; 'pipe'/'unpipe' events; end() of the
// destination at the source's end.
const { Readable, Writable } = require('stream');

let n = 0;
const src = new Readable({
  objectMode: true,
  highWaterMark: 2,
  read() {
    n++;
    this.push(n <= 6 ? n : null);
  },
});
const log = [];
const dst = new Writable({
  objectMode: true,
  highWaterMark: 2,
  write(chunk, enc, cb) {
    log.push(`write ${chunk}`);
    setTimeout(cb, 1);
  },
});
src.on('pause', () => log.push('src pause'));
src.on('resume', () => log.push('src resume'));
dst.on('drain', () => log.push('dst drain'));
dst.on('pipe', (s) => log.push(`pipe event, from src: ${s === src}`));
dst.on('unpipe', (s) => log.push(`unpipe event, from src: ${s === src}`));
src.on('end', () => log.push('src end'));
dst.on('finish', () => {
  log.push('dst finish');
  console.log(log.join('\n'));
});
console.log('pipe returns dest', src.pipe(dst) === dst);
