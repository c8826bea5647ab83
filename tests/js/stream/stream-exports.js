// The shape of node:stream and node:stream/promises.
const stream = require('stream');
const promises = require('stream/promises');

console.log(Object.keys(stream).join(' '));
console.log(Object.keys(promises).join(' '));
for (const k of Object.keys(stream)) {
  if (k !== 'promises') console.log(k, typeof stream[k], typeof stream[k] === 'function' ? stream[k].name : '');
}
console.log('Readable statics', ['from', 'wrap', '_fromList', 'ReadableState']
  .map((k) => typeof stream.Readable[k]).join(' '));
console.log('helpers', ['map', 'filter', 'forEach', 'toArray', 'some', 'find', 'every', 'flatMap',
  'drop', 'take', 'reduce', 'asIndexedPairs', 'iterator']
  .map((k) => typeof stream.Readable.prototype[k]).join(' '));
console.log('helpers not enumerable', Object.keys(stream.Readable.prototype).includes('map'));
console.log('node: prefix', require('node:stream') === stream);
console.log('builtin', require('module').isBuiltin('stream/promises'),
  require('module').builtinModules.includes('stream'));
