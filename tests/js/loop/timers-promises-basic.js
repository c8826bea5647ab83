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
    sleep(300).then(() => order.push('300')),
    sleep(150).then(() => order.push('150')),
    immediate().then(() => order.push('immediate')),
  ]);
  console.log(order.join(' '));
})();
