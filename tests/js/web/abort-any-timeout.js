// AbortSignal.any mixing a controller and a timeout: the first to abort
// wins, later ones change nothing.
const ac = new AbortController();
const combined = AbortSignal.any([ac.signal, AbortSignal.timeout(5)]);
combined.onabort = () => console.log('combined aborted by', combined.reason.name);
setTimeout(() => {
  ac.abort('too late');
  console.log('reason still', combined.reason.name, ac.signal.reason);
}, 30);
const ac2 = new AbortController();
const fast = AbortSignal.any([ac2.signal, AbortSignal.timeout(1000)]);
fast.onabort = () => console.log('fast aborted by', fast.reason);
ac2.abort('manual');
