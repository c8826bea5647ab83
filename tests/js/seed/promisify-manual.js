// The seed's manualPromisify next to util.promisify, on an error-first API.
const { promisify } = require('node:util');
function manualPromisify(fn) {
  return function (...args) {
    return new Promise((resolve, reject) => {
      fn(...args, (err, result) => {
        if (err) reject(err);
        else resolve(result);
      });
    });
  };
}
function readConfig(name, cb) {
  setImmediate(() => name === 'bad' ? cb(new Error(`cannot read ${name}`)) : cb(null, `contents of ${name}`));
}
(async () => {
  const a = manualPromisify(readConfig);
  const b = promisify(readConfig);
  console.log(await a('config.json'));
  console.log(await b('config.json'));
  try { await b('bad'); } catch (err) { console.log('caught:', err.message); }
  try { await a('bad'); } catch (err) { console.log('caught manual:', err.message); }
})();
