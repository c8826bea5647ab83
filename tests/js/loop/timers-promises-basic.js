// node:timers/promises resolves with the given value, in timer/immediate order.
const tp = require('node:timers/promises');
const { setTimeout: sleep, setImmediate: immediate } = require('timers/promises');
console.log(Object.keys(tp).sort().join(','));
console.log(tp === require('timers').promises);
(async () => {
  const v = await sleep(2, 'slept');
  console.log(v);
  console.log(await immediate('imm'));
  console.log(await sleep(1));
  const order = [];
  await Promise.all([
    sleep(60).then(() => order.push('60')),
    sleep(30).then(() => order.push('30')),
    immediate().then(() => order.push('immediate')),
  ]);
  console.log(order.join(' '));
})();
