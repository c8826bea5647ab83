// AbortSignal.timeout: a TimeoutError after the delay.
const s = AbortSignal.timeout(5);
console.log(s.aborted, s.reason);
s.addEventListener('abort', (e) => {
  console.log('aborted', s.aborted, e.isTrusted, s.reason.name, s.reason.message, s.reason.code,
    s.reason instanceof DOMException);
});
const z = AbortSignal.timeout(0);
z.onabort = () => console.log('zero delay aborts too');
setTimeout(() => console.log('keep-alive timer done', s.aborted, z.aborted), 30);
