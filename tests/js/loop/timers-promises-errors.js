// Argument validation of timers/promises rejects (not throws).
const tp = require('timers/promises');
(async () => {
  for (const [name, args] of [
    ['setTimeout options', [1, 'v', 'bad']],
    ['setTimeout ref', [1, 'v', { ref: 'yes' }]],
    ['setTimeout signal', [1, 'v', { signal: 'no' }]],
    ['setImmediate options', ['v', 5]],
  ]) {
    const fn = name.startsWith('setTimeout') ? tp.setTimeout : tp.setImmediate;
    try {
      const p = fn(...args);
      console.log(name, 'returns promise', p instanceof Promise);
      await p;
    } catch (e) {
      console.log(name, e.code, e.message);
    }
  }
})();
