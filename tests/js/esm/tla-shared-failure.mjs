const results = await Promise.allSettled([
  import('./fixtures/syn/tla-imp1.mjs'),
  import('./fixtures/syn/tla-imp2.mjs'),
]);
console.log(results.map((r) => r.status + ': ' + (r.reason ? r.reason.message : Object.keys(r.value))));
