// The seed's progression: nested callbacks, promise chain, async/await.
const { promisify } = require('node:util');
const files = { 'config.json': '{"next":"second.txt"}', 'second.txt': 'second contents' };
const written = {};
function readFile(name, enc, cb) { setImmediate(() => name in files ? cb(null, files[name]) : cb(new Error(`ENOENT ${name}`))); }
function writeFile(name, data, cb) { setImmediate(() => { written[name] = data; cb(null); }); }
readFile('config.json', 'utf8', (err, data) => {
  if (err) return console.log('Failed:', err.message);
  readFile(JSON.parse(data).next, 'utf8', (err, data2) => {
    if (err) return console.log('Failed:', err.message);
    writeFile('out.txt', data2, (err) => {
      if (err) return console.log('Failed:', err.message);
      console.log('callbacks wrote', written['out.txt']);
      chain();
    });
  });
});
const readP = promisify(readFile);
const writeP = promisify(writeFile);
function chain() {
  readP('config.json', 'utf8')
    .then((data) => readP(JSON.parse(data).next, 'utf8'))
    .then((data2) => writeP('out2.txt', data2))
    .then(() => console.log('chain wrote', written['out2.txt']))
    .then(transform)
    .catch((err) => console.log('Failed:', err.message));
}
async function transform() {
  try {
    const data = await readP('config.json', 'utf8');
    const data2 = await readP(JSON.parse(data).next, 'utf8');
    await writeP('out3.txt', data2);
    console.log('async wrote', written['out3.txt']);
    await readP('missing.json', 'utf8');
  } catch (err) {
    console.log('Failed:', err.message);
  }
}
