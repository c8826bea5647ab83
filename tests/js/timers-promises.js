// node:timers/promises: values, order, and the interval iterator.
const { setTimeout: sleep, setImmediate: nextTurn, setInterval: every } =
  require('node:timers/promises');
(async () => {
  console.log(await sleep(5, 'slept'));
  console.log(await nextTurn('turned'));
  let n = 0;
  for await (const v of every(2, 'tick')) {
    console.log(v, ++n);
    if (n === 3) break;
  }
  const order = [];
  await Promise.all([
    sleep(300).then(() => order.push('300')),
    sleep(150).then(() => order.push('150')),
    nextTurn().then(() => order.push('immediate')),
  ]);
  console.log(order.join(' '));
  console.log(require('timers').promises === require('timers/promises'));
  await sleep(1, null, 'bad').catch((e) => console.log(e.code));
})();
