// setInterval from timers/promises is an async iterator yielding the value.
const { setInterval: every } = require('timers/promises');
(async () => {
  let n = 0;
  for await (const v of every(2, 'v')) {
    n++;
    console.log('iteration', n, v);
    if (n === 3) break;
  }
  console.log('after loop');
  const it = every(1, 7);
  console.log(typeof it[Symbol.asyncIterator], typeof it.next, typeof it.return);
  console.log(await it.next());
  console.log(await it.return());
  console.log(await it.next());
})();
