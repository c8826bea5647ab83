// The seed notes' countLines, over an in-memory text stream in place of a
// file: for await over chunks with an encoding.
const { Readable } = require('node:stream');

async function countLines(stream) {
  let count = 0;
  for await (const chunk of stream) {
    count += (chunk.match(/\n/g) || []).length;
  }
  return count;
}

const text = 'one\ntwo\nthree\n'.repeat(1000);
const stream = new Readable({ read() {} });
stream.setEncoding('utf8');
for (let i = 0; i < text.length; i += 700) stream.push(text.slice(i, i + 700));
stream.push(null);
countLines(stream).then((n) => console.log('lines', n));
