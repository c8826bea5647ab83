// The seed's util.promisify note, with callback APIs of our own (the
// note's fs, dns and child_process samples need modules still to come).
const { promisify, callbackify } = require('node:util');
const { setTimeout: sleep } = require('node:timers/promises');

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
  setTimeout(() => {
    if (name === 'missing') cb(Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' }));
    else cb(null, `{"name":"${name}"}`);
  }, 1);
}
function lookupLike(host, cb) {
  setImmediate(() => cb(null, '127.0.0.1', 4));
}
lookupLike[promisify.custom] = (host) =>
  new Promise((resolve) => lookupLike(host, (err, address, family) => resolve({ address, family })));

(async () => {
  const manual = manualPromisify(readConfig);
  console.log(await manual('app'));
  const read = promisify(readConfig);
  console.log(JSON.parse(await read('db')).name);
  try {
    await read('missing');
  } catch (err) {
    console.log('caught', err.code, err.message);
  }
  const lookup = promisify(lookupLike);
  console.log(await lookup('nodejs.org'));
  console.log(promisify(lookupLike) === lookupLike[promisify.custom]);
  const obj = { base: 10, add(x, cb) { cb(null, this.base + x); } };
  console.log(await promisify(obj.add).call(obj, 5));
  await sleep(1);
  const cbStyle = callbackify(async (x) => x * 2);
  cbStyle(21, (err, v) => console.log('callbackify', err, v));
  const cbFail = callbackify(async () => { throw new Error('async failure'); });
  cbFail((err) => console.log('callbackify error', err.message));
  const cbNull = callbackify(() => Promise.reject(null));
  cbNull((err) => console.log('falsy rejection', err.code, err.reason));
  console.log(typeof promisify.custom, promisify.custom === Symbol.for('nodejs.util.promisify.custom'));
})();
