// AbortSignal.timeout's timer does not keep the process alive.
const s = AbortSignal.timeout(200);
s.addEventListener('abort', () => console.log('never: the process has exited'));
process.on('exit', () => console.log('exit with signal aborted =', s.aborted));
console.log('script done');
