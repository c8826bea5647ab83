// Dispatching an 'abort' event by hand does not abort the signal, and
// isTrusted tells the two apart.
const ac = new AbortController();
ac.signal.addEventListener('abort', (e) => console.log('abort event', e.isTrusted, ac.signal.aborted));
ac.signal.dispatchEvent(new Event('abort'));
ac.abort();
const t = new Event('abort');
console.log('user event trusted?', t.isTrusted);
