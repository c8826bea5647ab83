// timers/promises with AbortSignals: AbortError with the reason as cause.
const tp = require('timers/promises');
const { getEventListeners } = require('events');
const show = (label, e) => console.log(label, e.name, e.code, e.message,
  e.cause instanceof DOMException ? `DOMException ${e.cause.name}` :
    e.cause instanceof Error ? `${e.cause.name}: ${e.cause.message}` : e.cause, e instanceof Error);
(async () => {
  const ac = new AbortController();
  const p = tp.setTimeout(1000, 'v', { signal: ac.signal });
  console.log('listening', getEventListeners(ac.signal, 'abort').length);
  ac.abort();
  try { await p; } catch (e) { show('setTimeout', e); }
  console.log('listener removed', getEventListeners(ac.signal, 'abort').length);
  try { await tp.setImmediate('v', { signal: AbortSignal.abort('why') }); } catch (e) { show('pre-aborted', e); }
  try { await tp.setTimeout(1, 'v', { signal: 5 }); } catch (e) { show('bad signal', e); }
  try { await tp.setTimeout(1, 'v', { ref: 'no' }); } catch (e) { show('bad ref', e); }
  const ac2 = new AbortController();
  let n = 0;
  try {
    for await (const v of tp.setInterval(2, 'x', { signal: ac2.signal })) {
      n++;
      if (n === 2) ac2.abort(new RangeError('stop'));
    }
  } catch (e) { show('setInterval', e); }
  console.log('ticks', n);
  const ac3 = new AbortController();
  const done = await tp.setTimeout(1, 'finished', { signal: ac3.signal });
  console.log(done, getEventListeners(ac3.signal, 'abort').length);
  console.log(await tp.scheduler.wait(1), 'waited');
})();
