// The Timeout object's visible fields.
const t = setTimeout(() => {}, 7, 'a');
console.log(t._idleTimeout, t._repeat, typeof t._onTimeout, t._destroyed);
const i = setInterval(() => {}, 9);
console.log(i._idleTimeout, i._repeat);
clearTimeout(t); clearInterval(i);
console.log(t._destroyed, i._destroyed);
const im = setImmediate(() => {});
console.log(typeof im._onImmediate, im._argv);
clearImmediate(im);
