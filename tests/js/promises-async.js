// async/await and promise combinators interleave as in Node.
async function a() {
  console.log('a1');
  await null;
  console.log('a2');
  await new Promise((r) => setTimeout(r, 1));
  console.log('a3');
  return 'a';
}
async function b() {
  console.log('b1');
  await undefined;
  console.log('b2');
  return 'b';
}
Promise.all([a(), b()]).then((v) => console.log('all', v));
Promise.allSettled([Promise.reject(new Error('x')), 1]).then((r) =>
  console.log(r.map((x) => x.status).join(',')));
Promise.race([new Promise((r) => setTimeout(() => r('slow'), 10)),
  new Promise((r) => setTimeout(() => r('fast'), 1))]).then((v) => console.log('race', v));
Promise.any([Promise.reject(1), Promise.resolve(2)]).then((v) => console.log('any', v));
(async () => {
  try {
    await Promise.reject(new Error('awaited'));
  } catch (e) {
    console.log('caught', e.message);
  } finally {
    console.log('finally');
  }
})();
console.log('sync');
