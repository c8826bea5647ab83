// An immediate clearing itself or a sibling; args to immediates.
const a = setImmediate(() => { console.log('a'); clearImmediate(a); clearImmediate(b); });
const b = setImmediate(() => console.log('b never'));
setImmediate((...args) => console.log('args', args), 1, 'two', null);
setImmediate(() => console.log('no args', arguments.length > 0));
