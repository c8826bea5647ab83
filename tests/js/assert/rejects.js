const assert = require('assert');
(async () => {
  const show = async (f) => { try { await f(); console.log('passed'); } catch (e) { console.log(e.code || e.name, '|', e.message); } };
  await show(() => assert.rejects(Promise.reject(new Error('r')), /r/));
  await show(() => assert.rejects(Promise.resolve(1)));
  await show(() => assert.rejects(async () => { throw new TypeError('t'); }, TypeError));
  await show(() => assert.doesNotReject(Promise.reject(new Error('no'))));
  await show(() => assert.rejects(() => 1));
})();
