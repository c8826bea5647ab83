// Callbacks, promises and async/await interleaving (the seed's note,
// with timers standing in for I/O).
const { promisify } = require('util');
const delay = promisify((ms, cb) => setTimeout(() => cb(null, ms), ms));
function fetchUser(id) { return delay(3).then(() => ({ id, name: `user${id}` })); }
function fetchOrders(id) { return delay(2).then(() => [`order-${id}-1`]); }
function fetchCart(id) { return delay(1).then(() => ({ items: id })); }
(async () => {
  const t0 = Date.now();
  const user = await fetchUser(1);
  const orders = await fetchOrders(1);
  const cart = await fetchCart(1);
  console.log('sequential', user.name, orders, cart);
  const [u2, o2, c2] = await Promise.all([fetchUser(2), fetchOrders(2), fetchCart(2)]);
  console.log('parallel', u2.name, o2, c2);
  console.log(Date.now() - t0 >= 6);
  const results = [];
  await Promise.all([3, 1, 2].map(async (ms) => { await delay(ms * 25); results.push(ms); }));
  console.log('completion order', results);
  async function* gen() { yield 1; await delay(1); yield 2; }
  for await (const v of gen()) console.log('gen', v);
  const settled = await Promise.allSettled([delay(1), Promise.reject(new Error('no'))]);
  console.log(settled.map((s) => s.status + ':' + (s.value ?? s.reason.message)));
  try {
    await Promise.any([Promise.reject(new Error('a')), Promise.reject(new Error('b'))]);
  } catch (e) {
    console.log(e.constructor.name, e.errors.map((x) => x.message));
  }
  console.log(order.filter((x) => x !== 'timeout' && x !== 'immediate').join(' '));
})();
const order = [];
setTimeout(() => order.push('timeout'), 0);
setImmediate(() => order.push('immediate'));
(async () => { order.push('async body'); await null; order.push('after await'); })();
Promise.resolve().then(() => order.push('then'));
process.nextTick(() => order.push('tick'));
order.push('sync');
