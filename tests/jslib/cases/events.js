'use strict';
// EventEmitter behaviour traces against Node's.
const util = require('node:util');

module.exports = async ({ check, ours }) => {
  const Ours = ours('events');
  const Node = require('node:events');
  const pick = (w) => (w === 'ours' ? Ours : Node);
  const insp = (v) => util.inspect(v, { depth: 4 });

  // Sync scenarios: fn(EE, log) → log
  const scenarios = {
    basic(EE, log) {
      const e = new EE();
      e.on('a', (x, y) => log.push(['a1', x, y]));
      e.on('a', function () { log.push(['a2', this === e, arguments.length]); });
      log.push(e.emit('a', 1, 2), e.emit('b'), e.listenerCount('a'), e.eventNames());
    },
    order(EE, log) {
      const e = new EE();
      e.on('x', () => log.push(1));
      e.prependListener('x', () => log.push(0));
      e.once('x', () => log.push(2));
      e.prependOnceListener('x', () => log.push(-1));
      e.emit('x'); e.emit('x');
      log.push(e.listenerCount('x'));
    },
    newListenerEvent(EE, log) {
      const e = new EE();
      e.on('newListener', (ev, l) => log.push(['new', String(ev), l.name]));
      e.on('removeListener', (ev, l) => log.push(['rm', String(ev), l.name]));
      function foo() {}
      function bar() {}
      e.on('foo', foo); e.once('bar', bar); e.emit('bar'); e.off('foo', foo); e.on(Symbol('s'), foo);
      log.push(e.eventNames().map(String));
      e.removeAllListeners();
      log.push(e.eventNames(), e._eventsCount);
    },
    newListenerBeforeAdd(EE, log) {
      const e = new EE();
      e.once('newListener', (ev) => { if (ev === 'x') e.on('x', () => log.push('B')); });
      e.on('x', () => log.push('A'));
      e.emit('x');
    },
    removeDuringEmit(EE, log) {
      const e = new EE();
      const b = () => log.push('b');
      e.on('x', () => { log.push('a'); e.removeListener('x', b); });
      e.on('x', b);
      e.emit('x'); e.emit('x');
      log.push(e.listenerCount('x'));
    },
    addDuringEmit(EE, log) {
      const e = new EE();
      e.on('x', () => { log.push('a'); e.on('x', () => log.push('late')); });
      e.emit('x'); e.emit('x');
    },
    removeDuplicate(EE, log) {
      const e = new EE();
      const f = () => log.push('f');
      e.on('x', f); e.on('x', f); e.once('x', f);
      e.removeListener('x', f);
      log.push(e.rawListeners('x').length, typeof e.rawListeners('x')[1]);
      e.emit('x');
      e.removeListener('x', f);
      log.push(e.listenerCount('x'), Object.keys(e._events));
      e.removeListener('x', () => {}); e.removeListener('nope', f);
    },
    errorThrows(EE, log) {
      const e = new EE();
      try { e.emit('error', new Error('boom')); } catch (er) { log.push(er.message); }
      for (const v of [5, 'str', { a: 1 }, undefined, null, [1]]) {
        try { e.emit('error', v); } catch (er) { log.push([er.name, er.code, er.message, er.context === v]); }
      }
      try { e.emit('error'); } catch (er) { log.push(er.message, 'context' in er); }
    },
    errorMonitor(EE, log) {
      const e = new EE();
      e.on(EE.errorMonitor, (er) => log.push(['monitor', er.message]));
      try { e.emit('error', new Error('m')); } catch (er) { log.push(['thrown', er.message]); }
      e.on('error', (er) => log.push(['handled', er.message]));
      e.emit('error', new Error('n'));
    },
    maxListeners(EE, log) {
      const e = new EE();
      log.push(e.getMaxListeners(), EE.defaultMaxListeners);
      e.setMaxListeners(1);
      log.push(e.getMaxListeners());
      for (const v of [-1, 'a', NaN, 1.5, Infinity]) {
        try { e.setMaxListeners(v); log.push(e.getMaxListeners()); } catch (er) { log.push([er.name, er.code, er.message]); }
      }
      for (const v of [-1, 'a', NaN]) {
        try { EE.defaultMaxListeners = v; } catch (er) { log.push([er.name, er.code, er.message]); }
      }
      for (const v of [-1, 'x']) {
        try { EE.setMaxListeners(v); } catch (er) { log.push([er.name, er.code, er.message]); }
      }
      try { EE.setMaxListeners(1, {}); } catch (er) { log.push([er.code, er.message]); }
      const e2 = new EE();
      EE.setMaxListeners(3, e2);
      log.push(e2.getMaxListeners(), EE.getMaxListeners(e2));
    },
    leakWarning(EE, log) {
      const real = process.emitWarning;
      process.emitWarning = (w) => log.push([w.name, w.message, w.type, w.count, w.emitter === e, Object.keys(w)]);
      const e = new EE();
      try {
        for (let i = 0; i < 12; i++) e.on('foo', () => {});
        class Sub extends EE {}
        const s = new Sub();
        s.setMaxListeners(2);
        for (let i = 0; i < 4; i++) s.on(Symbol('sym'), () => {});
        const sym = Symbol('same');
        for (let i = 0; i < 4; i++) s.on(sym, () => {});
        const z = new EE(); z.setMaxListeners(0);
        for (let i = 0; i < 20; i++) z.on('z', () => {});
      } finally {
        process.emitWarning = real;
      }
    },
    badListener(EE, log) {
      const e = new EE();
      for (const m of ['on', 'once', 'prependListener', 'prependOnceListener', 'removeListener', 'off', 'addListener']) {
        try { e[m]('x', 5); } catch (er) { log.push([m, er.code, er.message]); }
      }
      try { e.on('x', null); } catch (er) { log.push(er.message); }
    },
    listenersApi(EE, log) {
      const e = new EE();
      function a() {}
      function b() {}
      e.on('x', a); e.once('x', b);
      log.push(insp(e.listeners('x')), insp(e.rawListeners('x')), e.listenerCount('x', b), e.listenerCount('x', a), e.listenerCount('none'));
      const raw = e.rawListeners('x')[1];
      raw(); log.push(e.listenerCount('x')); raw();
      log.push(EE.listenerCount(e, 'x'), EE.getEventListeners(e, 'x').length);
      log.push(insp(e));
    },
    inspectShape(EE, log) {
      const e = new EE();
      log.push(insp(e));
      e.on('a', () => {}); e.on('b', () => {}); e.on('b', () => {});
      log.push(insp(e));
      e.removeAllListeners('b');
      log.push(insp(e));
      e.removeAllListeners();
      log.push(insp(e));
      class Sub extends EE { constructor() { super({ captureRejections: true }); this.own = 1; } }
      log.push(insp(new Sub()));
    },
    removeAllWithRemoveListener(EE, log) {
      const e = new EE();
      e.on('removeListener', (ev, fn) => log.push(['rm', String(ev), fn.name]));
      function a() {} function b() {} function c() {}
      e.on('x', a); e.on('x', b); e.on('y', c);
      e.removeAllListeners('x');
      log.push(e.eventNames());
      e.removeAllListeners();
      log.push(e.eventNames(), insp(e._events));
    },
    inherits(EE, log) {
      function Legacy() { EE.call(this); }
      util.inherits(Legacy, EE);
      const l = new Legacy();
      l.on('x', (v) => log.push(v));
      l.emit('x', 'legacy');
      log.push(l instanceof EE, insp(l));
      const o = Object.create(EE.prototype);
      o.on('y', (v) => log.push(v)); o.emit('y', 'proto only');
      log.push(insp(o._events));
    },
    statics(EE, log) {
      log.push(Object.keys(EE), Object.getOwnPropertyNames(EE.prototype), EE.EventEmitter === EE, String(EE.errorMonitor),
        EE.captureRejectionSymbol === Symbol.for('nodejs.rejection'), EE.captureRejections, EE.usingDomains,
        EE.prototype.on === EE.prototype.addListener, EE.prototype.off === EE.prototype.removeListener,
        EE.once.length, EE.on.length, EE.prototype.emit.length, EE.length, EE.name);
      try { EE.captureRejections = 1; } catch (er) { log.push(er.message); }
      try { new EE({ captureRejections: 1 }); } catch (er) { log.push(er.message); }
      log.push(EE.getEventListeners(new EE(), 'x'));
      try { EE.getEventListeners(5, 'x'); } catch (er) { log.push(er.message); }
    },
    symbolEvents(EE, log) {
      const e = new EE();
      const s = Symbol('ev');
      e.on(s, (v) => log.push(v));
      log.push(e.emit(s, 'sym'), e.eventNames().map(String), e.listenerCount(s));
    },
    thisInOnce(EE, log) {
      const e = new EE();
      e.once('x', function (...a) { log.push(this === e, a); });
      e.emit('x', 1, 2, 3);
      e.once('y', function () { log.push(arguments.length); });
      e.emit('y');
    },
  };
  for (const [name, fn] of Object.entries(scenarios)) {
    check(`events ${name}`, (w) => { const log = []; fn(pick(w), log); return insp(log); });
  }
  // Leave the global default as it was.
  Ours.defaultMaxListeners = 10;
  Node.defaultMaxListeners = 10;

  // An unhandled 'error' crash names where it was emitted.
  {
    const { spawnSync } = require('node:child_process');
    const child = require('node:path').join(__dirname, '..', 'crash-child.js');
    const out = {};
    for (const w of ['ours', 'node']) {
      const r = spawnSync(process.execPath, [child, w], { encoding: 'utf8' });
      const text = r.stderr;
      const start = text.indexOf('Error: boom');
      const end = text.indexOf('\n\nNode.js');
      out[w] = text.slice(start, end === -1 ? undefined : end).trim().replace(/:\d+:\d+\)/g, ':L:C)');
    }
    check('unhandled error crash stack', (w) => out[w]);
  }

  // Async scenarios
  const asyncScenarios = {
    async once(EE, log) {
      const e = new EE();
      setTimeout(() => e.emit('go', 1, 2), 1);
      log.push(await EE.once(e, 'go'));
      setTimeout(() => e.emit('error', new Error('bad')), 1);
      await EE.once(e, 'go').catch((er) => log.push(er.message));
      log.push(e.listenerCount('go'), e.listenerCount('error'));
      setTimeout(() => e.emit('error', new Error('wanted')), 1);
      log.push((await EE.once(e, 'error'))[0].message);
      const ac = new AbortController();
      const p = EE.once(e, 'never', { signal: ac.signal });
      ac.abort();
      await p.catch((er) => log.push([er.name, er.code, er.message]));
      log.push(e.listenerCount('never'), e.listenerCount('error'));
      await EE.once(e, 'x', { signal: AbortSignal.abort() }).catch((er) => log.push([er.name, er.message]));
      await EE.once(5, 'x').catch((er) => log.push(er.message));
      await EE.once(e, 'x', { signal: 5 }).catch((er) => log.push(er.message));
      log.push(typeof EE.on(e, 'x', 5).next);
      try { EE.on(e, 'x', { signal: 5 }); } catch (er) { log.push(er.message); }
      const et = new EventTarget();
      setTimeout(() => et.dispatchEvent(new Event('ping')), 1);
      const [ev] = await EE.once(et, 'ping');
      log.push(ev.type);
    },
    async on(EE, log) {
      const e = new EE();
      setTimeout(() => { e.emit('d', 1); e.emit('d', 2); e.emit('d', 3); e.emit('end'); }, 1);
      for await (const v of EE.on(e, 'd', { close: ['end'] })) log.push(v);
      log.push('closed', e.listenerCount('d'), e.listenerCount('error'), e.listenerCount('end'));
      const it = EE.on(e, 'q');
      e.emit('q', 'queued');
      log.push(await it.next());
      setTimeout(() => e.emit('error', new Error('iter err')), 1);
      await it.next().catch((er) => log.push(er.message));
      log.push(await it.next(), e.listenerCount('q'));
      const it2 = EE.on(e, 'r');
      log.push(await it2.return(), e.listenerCount('r'));
      const ac = new AbortController();
      const it3 = EE.on(e, 's', { signal: ac.signal });
      setTimeout(() => ac.abort(), 1);
      await it3.next().catch((er) => log.push(er.name));
      log.push(Object.getPrototypeOf(Object.getPrototypeOf(it3)) === Object.prototype, typeof it3[Symbol.asyncIterator]);
    },
    async onWatermarks(EE, log) {
      const e = new EE();
      e.pause = () => log.push('pause');
      e.resume = () => log.push('resume');
      const it = EE.on(e, 'd', { highWaterMark: 2, lowWaterMark: 1 });
      for (let i = 0; i < 5; i++) e.emit('d', i);
      for (let i = 0; i < 5; i++) log.push(JSON.stringify(await it.next()));
      await it.return();
      try { EE.on(e, 'd', { highWaterMark: 0 }); } catch (er) { log.push(er.code, er.message); }
      try { EE.on(e, 'd', { lowWaterMark: 'x' }); } catch (er) { log.push(er.code, er.message); }
      const it2 = EE.on(e, 'error');
      e.emit('error', new Error('as data'));
      log.push((await it2.next()).value[0].message);
      await it2.return();
      const it3 = EE.on(e, 'x');
      try { it3.throw('not an error'); } catch (er) { log.push(er.code, er.message); }
      it3.throw(new Error('thrown in'));
      await it3.next().catch((er) => log.push(er.message));
      log.push(JSON.stringify(await it3.next()));
    },
    async abortListener(EE, log) {
      const ac = new AbortController();
      const d = EE.addAbortListener(ac.signal, (ev) => log.push(['aborted', ev && ev.type]));
      log.push(typeof d[Symbol.dispose || Symbol.for('nodejs.dispose')]);
      ac.abort();
      const ac2 = new AbortController();
      ac2.abort();
      EE.addAbortListener(ac2.signal, (...a) => log.push(['already aborted', a.length]));
      await new Promise((r) => setTimeout(r, 1));
      const ac3 = new AbortController();
      const d3 = EE.addAbortListener(ac3.signal, () => log.push('should not run'));
      d3[Symbol.dispose || Symbol.for('nodejs.dispose')]();
      ac3.abort();
      for (const bad of [undefined, 5, {}]) {
        try { EE.addAbortListener(bad, () => {}); } catch (er) { log.push(er.message); }
      }
      try { EE.addAbortListener(new AbortController().signal, 5); } catch (er) { log.push(er.message); }
      const et = new EventTarget();
      EE.setMaxListeners(3, et);
      log.push(EE.getMaxListeners(et), EE.getMaxListeners(new EventTarget()));
    },
    async captureRejections(EE, log) {
      const e = new EE({ captureRejections: true });
      e.on('x', async () => { throw new Error('async fail'); });
      e.on('error', (er) => log.push(['error event', er.message]));
      e.emit('x');
      await new Promise((r) => setTimeout(r, 5));
      const e2 = new EE({ captureRejections: true });
      e2[Symbol.for('nodejs.rejection')] = (er, ev, ...args) => log.push(['rejection hook', er.message, ev, args]);
      e2.on('y', async () => { throw new Error('hooked'); });
      e2.emit('y', 1, 2);
      await new Promise((r) => setTimeout(r, 5));
      const e3 = new EE();
      e3.on('z', async () => 'fine');
      e3.emit('z');
      log.push('no capture ok');
    },
  };
  const results = {};
  for (const [name, fn] of Object.entries(asyncScenarios)) {
    for (const w of ['ours', 'node']) {
      const log = [];
      try { await fn(pick(w), log); } catch (er) { log.push(['threw', er.message]); }
      results[`${name}/${w}`] = insp(log);
    }
    check(`events async ${name}`, (w) => results[`${name}/${w}`]);
  }
};
