// AbortController / AbortSignal: abort(), reasons, the 'abort' event.
const ac = new AbortController();
const { signal } = ac;
console.log(signal === ac.signal, signal.aborted, signal.reason, signal.onabort);
console.log(signal instanceof AbortSignal, signal instanceof EventTarget);
signal.addEventListener('abort', (e) => {
  console.log('listener', e.type, e.isTrusted, e.target === signal, signal.aborted,
    e.cancelable, e.bubbles, e instanceof Event);
});
signal.onabort = (e) => console.log('onabort', e.type, this === undefined);
ac.abort();
const r = signal.reason;
console.log(signal.aborted, r instanceof DOMException, r.name, r.message, r.code);
ac.abort('second');
console.log('reason kept', signal.reason === r);
const ac2 = new AbortController();
ac2.abort('custom');
console.log(ac2.signal.reason);
const ac3 = new AbortController();
const err = new Error('mine');
ac3.abort(err);
console.log(ac3.signal.reason === err);
const ac4 = new AbortController();
ac4.abort(undefined);
console.log('undefined reason', ac4.signal.reason.name);
const ac5 = new AbortController();
ac5.abort(null);
console.log('null reason', ac5.signal.reason);
const ac6 = new AbortController();
ac6.abort();
console.log('signal made after abort', ac6.signal.aborted, ac6.signal.reason.name);
