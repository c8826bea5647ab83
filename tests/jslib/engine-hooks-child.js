'use strict';
// Runs under `node --expose-internals`: wires V8's introspection natives
// into our inspect's engine hooks (as nodec wires JSC's) and prints our and
// Node's rendering of values that need them, as JSON.
const util = require('node:util');
const { internalBinding } = require('internal/test/binding');
const { createLoader } = require('./loader');

const binding = internalBinding('util');
const our = createLoader()('internal/inspect');
our.inspect.getPromiseDetails = (p) => binding.getPromiseDetails(p);
our.inspect.previewEntries = (v) => binding.previewEntries(v, true);
our.inspect.getProxyDetails = (v) => binding.getProxyDetails(v, true);

const target = { a: 1, nested: { b: [1, 2] } };
const handler = { get: () => 'trapped', ownKeys: () => ['z'] };
const revocable = Proxy.revocable({}, {});
revocable.revoke();
const map = new Map([['k1', { v: 1 }], ['k2', [2]]]);
const set = new Set(['a', { b: 1 }, 3]);
const wm = new WeakMap([[target, 'tv'], [handler, 'hv']]);
const ws = new WeakSet([target]);
const rejected = Promise.reject(new RangeError('nope'));
rejected.catch(() => {});
const values = {
  proxyObj: new Proxy(target, handler),
  proxyArr: new Proxy([1, 2, 3], {}),
  proxyFn: new Proxy(function named() {}, {}),
  revoked: revocable.proxy,
  nestedProxy: { p: new Proxy({ x: 1 }, {}) },
  mapEntries: map.entries(),
  mapKeys: map.keys(),
  mapValues: map.values(),
  setValues: set.values(),
  setEntries: set.entries(),
  consumedIter: (() => { const it = map.keys(); it.next(); return it; })(),
  weakMap: wm,
  weakSet: ws,
  pending: new Promise(() => {}),
  fulfilled: Promise.resolve({ deep: { deeper: { deepest: 1 } } }),
  rejected,
  promiseInArr: [Promise.resolve(1), Promise.resolve('two')],
};
const optionSets = [undefined, { showHidden: true }, { showProxy: true }, { depth: 0 }, { colors: true }, { maxArrayLength: 1 }, { compact: false }];
const out = [];
for (const [name, v] of Object.entries(values)) {
  for (const opts of optionSets) {
    out.push({ name: `${name} ${JSON.stringify(opts)}`, ours: our.inspect(v, opts), node: util.inspect(v, opts) });
  }
}
process.stdout.write(JSON.stringify(out));
