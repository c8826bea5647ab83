// The seed's custom promisify: a lookup-like API with two results.
const util = require('node:util');
function lookup(host, cb) {
  setImmediate(() => cb(null, '104.20.22.46', 4));
}
lookup[util.promisify.custom] = (host) => new Promise((resolve, reject) => {
  lookup(host, (err, address, family) => err ? reject(err) : resolve({ address, family }));
});
(async () => {
  const plookup = util.promisify(lookup);
  console.log(plookup === lookup[util.promisify.custom]);
  const result = await plookup('nodejs.org');
  console.log(result);
  console.log(util.promisify.custom === Symbol.for('nodejs.util.promisify.custom'));
  const { setTimeout: sleep } = require('node:timers/promises');
  await sleep(10);
  console.log('slept');
})();
