// The seed's sequential vs parallel awaits: same results, Promise.all order.
const { setTimeout: sleep } = require('node:timers/promises');
const order = [];
const fetchUser = async (id) => { await sleep(30); order.push('user'); return { id }; };
const fetchOrders = async (id) => { await sleep(10); order.push('orders'); return [1, 2]; };
const fetchCart = async (id) => { await sleep(20); order.push('cart'); return { items: 3 }; };
(async () => {
  const id = 7;
  const user = await fetchUser(id);
  const orders = await fetchOrders(id);
  const cart = await fetchCart(id);
  console.log('sequential', order.join(','), user, orders, cart);
  order.length = 0;
  const [u2, o2, c2] = await Promise.all([fetchUser(id), fetchOrders(id), fetchCart(id)]);
  console.log('parallel', order.join(','), u2, o2, c2);
})();
