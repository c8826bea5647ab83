// Async generators and for await over mixed values.
async function* gen() { yield 1; await new Promise((r) => setTimeout(r, 1)); yield 2; yield Promise.resolve(3); }
(async () => {
  for await (const v of gen()) console.log('gen', v);
  for await (const v of [Promise.resolve('a'), 'b']) console.log('arr', v);
  const it = gen();
  console.log(await it.next(), await it.return('early'), await it.next());
})();
