// The order of abort listeners, once listeners and listeners added while
// aborting.
const ac = new AbortController();
const s = ac.signal;
s.addEventListener('abort', () => {
  console.log('1');
  s.addEventListener('abort', () => console.log('added during abort'));
});
s.addEventListener('abort', () => console.log('2 (once)'), { once: true });
s.addEventListener('abort', { handleEvent: (e) => console.log('3 handleEvent', e.type) });
ac.abort();
ac.abort();
s.dispatchEvent(new Event('abort'));
console.log('manual dispatch does not change state', s.reason.name);
