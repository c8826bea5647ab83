const assert = require('assert');
const show = (f) => { try { f(); console.log('passed'); } catch (e) { console.log(e.code, e.message.split('\n')[0]); } };
show(() => assert.throws('not a function'));
show(() => assert.throws(() => { throw new Error('x'); }, 'x'));
show(() => assert.throws(() => { throw new Error('a'); }, { message: /b/ }));
show(() => assert.throws(() => { throw 'str'; }, { message: 'str' }));
