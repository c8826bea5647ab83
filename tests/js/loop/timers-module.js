// node:timers exports the same functions as the globals.
const timers = require('node:timers');
for (const k of ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'clearImmediate']) {
  console.log(k, typeof timers[k], timers[k] === globalThis[k]);
}
console.log(typeof timers.promises, require('timers') === timers);
console.log(setTimeout.name, setImmediate.length, setTimeout.length);
