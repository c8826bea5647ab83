// DOMExceptions produced by the runtime itself.
const show = (e) => console.log(e.constructor.name, e.name, e.code, e.message, e instanceof DOMException, e instanceof Error);
show(AbortSignal.abort().reason);
const ac = new AbortController();
ac.abort();
show(ac.signal.reason);
try { structuredClone(() => {}); } catch (e) { show(e); }
try { performance.measure('x', 'missing'); } catch (e) { show(e); }
const ts = AbortSignal.timeout(1);
ts.onabort = () => show(ts.reason);
setTimeout(() => {}, 20);
