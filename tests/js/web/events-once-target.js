// events.once / events.on / addAbortListener with EventTargets and signals.
const { once, on, addAbortListener, getEventListeners } = require('events');
(async () => {
  const et = new EventTarget();
  setTimeout(() => et.dispatchEvent(new Event('ping')), 1);
  const [ev] = await once(et, 'ping');
  console.log('once', ev.type, ev instanceof Event, getEventListeners(et, 'ping').length);
  const ac = new AbortController();
  const pending = once(et, 'never', { signal: ac.signal });
  console.log(getEventListeners(et, 'never').length, getEventListeners(ac.signal, 'abort').length);
  ac.abort('reason');
  try { await pending; } catch (e) { console.log('aborted', e.name, e.code, e.cause); }
  console.log(getEventListeners(et, 'never').length);
  try { await once(et, 'x', { signal: AbortSignal.abort() }); } catch (e) { console.log('pre-aborted', e.name, e.cause.name); }
  const et2 = new EventTarget();
  setTimeout(() => {
    et2.dispatchEvent(new CustomEvent('data', { detail: 1 }));
    et2.dispatchEvent(new CustomEvent('data', { detail: 2 }));
  }, 1);
  const ac2 = new AbortController();
  const got = [];
  try {
    for await (const [e] of on(et2, 'data', { signal: ac2.signal })) {
      got.push(e.detail);
      if (got.length === 2) ac2.abort();
    }
  } catch (e) { console.log('on ended', e.name, e.cause.name); }
  console.log(got, getEventListeners(et2, 'data').length);
  const ac3 = new AbortController();
  const d = addAbortListener(ac3.signal, (e) => console.log('abort listener', e.type, e.isTrusted));
  console.log(typeof d[Symbol.dispose], getEventListeners(ac3.signal, 'abort').length);
  ac3.abort();
  addAbortListener(AbortSignal.abort(), (...a) => console.log('already aborted: called with', a.length, 'args'));
  const ac4 = new AbortController();
  addAbortListener(ac4.signal, () => console.log('never'))[Symbol.dispose]();
  ac4.abort();
  console.log('disposed', getEventListeners(ac4.signal, 'abort').length);
  try { addAbortListener({}, () => {}); } catch (e) { console.log(e.name, e.code, e.message); }
  console.log(Symbol.dispose === Symbol.for('nodejs.dispose'), typeof Symbol.asyncDispose);
})();
