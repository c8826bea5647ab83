// all, allSettled, race, any with timers; AggregateError from any.
const sleep = (ms, v, fail) => new Promise((res, rej) => setTimeout(() => fail ? rej(new Error(v)) : res(v), ms));
(async () => {
  console.log(await Promise.all([sleep(20, 'a'), sleep(5, 'b'), 'c']));
  console.log(await Promise.allSettled([sleep(5, 'ok'), sleep(10, 'no', true)]).then((r) => r.map((x) => x.status + ':' + (x.value || x.reason.message))));
  console.log(await Promise.race([sleep(30, 'slow'), sleep(5, 'fast')]));
  console.log(await Promise.any([sleep(5, 'e1', true), sleep(15, 'winner')]));
  try { await Promise.any([sleep(1, 'x', true), Promise.reject(new Error('y'))]); } catch (e) { console.log(e.constructor.name, e.errors.map((x) => x.message)); }
  try { await Promise.all([sleep(5, 'a'), sleep(1, 'fails first', true)]); } catch (e) { console.log('all rejects with', e.message); }
})();
