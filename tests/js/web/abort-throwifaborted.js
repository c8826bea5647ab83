// AbortSignal.prototype.throwIfAborted and AbortSignal.abort().
const ok = new AbortController();
ok.signal.throwIfAborted();
console.log('not aborted: no throw');
const s = AbortSignal.abort();
console.log(s.aborted, s.reason.name, s.reason.message, s.reason.code);
try { s.throwIfAborted(); } catch (e) { console.log('thrown', e === s.reason, e.name); }
const s2 = AbortSignal.abort('why');
try { s2.throwIfAborted(); } catch (e) { console.log('thrown', e); }
const s3 = AbortSignal.abort(0);
try { s3.throwIfAborted(); } catch (e) { console.log('thrown falsy', e); }
const s4 = AbortSignal.abort(undefined);
console.log(s4.reason.name);
let fired = false;
s.addEventListener('abort', () => { fired = true; });
setTimeout(() => console.log('listener on already aborted signal fired:', fired), 1);
