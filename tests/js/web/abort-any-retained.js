// A signal from AbortSignal.any that nobody references but that has an
// 'abort' listener still fires, however much garbage is made meanwhile.
const source = new AbortController();
AbortSignal.any([source.signal]).addEventListener('abort', (e) => {
  console.log('unreferenced combined signal fired', e.target.reason);
});
(function churn() {
  for (let round = 0; round < 20; round++) {
    let junk = [];
    for (let i = 0; i < 20000; i++) junk.push({ i, s: `x${i}` });
    junk = null;
    // Many combined signals without listeners: may be collected.
    for (let i = 0; i < 2000; i++) AbortSignal.any([source.signal]);
  }
})();
setTimeout(() => {
  source.abort('late reason');
  console.log('aborted the source');
}, 10);
