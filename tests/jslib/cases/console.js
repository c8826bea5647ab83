'use strict';
// Console output against Node's Console, both writing to capturing streams.
const { Writable } = require('node:stream');
const util = require('node:util');

function capture() {
  const chunks = [];
  const stream = new Writable({
    write(chunk, enc, cb) {
      chunks.push(chunk.toString());
      cb();
    },
  });
  return { stream, chunks };
}

module.exports = ({ check, ours }) => {
  const ourConsole = ours('console');
  const NodeConsole = require('node:console').Console;
  const make = (w, opts = {}) => {
    const out = capture();
    const err = capture();
    const C = w === 'ours' ? ourConsole.Console : NodeConsole;
    const c = new C({ stdout: out.stream, stderr: err.stream, ...opts });
    return { c, text: () => `stdout:\n${out.chunks.join('')}stderr:\n${err.chunks.join('')}` };
  };
  const scenario = (name, fn, opts) => check(`console ${name}`, (w) => {
    const { c, text } = make(w, opts);
    const warnings = [];
    const real = process.emitWarning;
    process.emitWarning = (msg) => warnings.push(String(msg));
    try {
      fn(c);
    } finally {
      process.emitWarning = real;
    }
    return `${text()}warnings: ${JSON.stringify(warnings)}`;
  });

  class Point { constructor(x, y) { this.x = x; this.y = y; } }
  scenario('log formats', (c) => {
    c.log('hello %s, you are %d', 'bob', 42, { extra: [1, 2] });
    c.log({ a: 1, nested: { b: { c: { d: 1 } } } }, [1, 2, 3], 'str', 5n, Symbol('s'), null, undefined);
    c.info('info'); c.debug('debug %o', { x: 1 }); c.dirxml('dirxml', [1]);
    c.warn('warn %j', { w: 1 }); c.error(new Point(1, 2));
    c.log(); c.log('%c styled', 'color: red'); c.log('multi\nline');
    c.log('a', '%s', 'b'); c.log('100%'); c.log('%s', 'x', 'y'); c.log('%%', 'z'); c.log('', ''); c.log('%d%%', 5);
  });
  scenario('dir', (c) => {
    c.dir({ a: { b: { c: { d: 1 } } } });
    c.dir({ a: { b: { c: { d: 1 } } } }, { depth: 0 });
    c.dir({ [util.inspect.custom]: () => 'custom ignored' });
    c.dir('string', { colors: true });
  });
  scenario('groups', (c) => {
    c.log('level 0');
    c.group('Group A');
    c.log('level 1\nsecond line');
    c.group();
    c.warn({ obj: 'in group', long: 'x'.repeat(70), more: [1, 2, 3] });
    c.groupEnd();
    c.groupCollapsed('collapsed', 5);
    c.error('deep');
    c.groupEnd(); c.groupEnd(); c.groupEnd();
    c.log('back to 0');
  });
  scenario('groupIndentation', (c) => { c.group('g'); c.log('x'); c.group(); c.log('y'); }, { groupIndentation: 4 });
  scenario('count', (c) => {
    c.count(); c.count(); c.count('x'); c.count(5); c.count('5'); c.countReset('x'); c.count('x'); c.countReset('nope'); c.countReset();
    c.count();
  });
  scenario('assert', (c) => {
    c.assert(true, 'not shown'); c.assert(false); c.assert(0, 'with %s', 'format'); c.assert(null, { obj: 1 }, 'more');
  });
  // Durations come from process.hrtime: stub it to fixed elapsed times.
  for (const ms of [0.5, 1.23456, 999.9999, 1000, 12345.678, 61234.5, 3723004.5, 36000000]) {
    scenario(`time format ${ms}ms`, (c) => {
      const real = process.hrtime;
      process.hrtime = (start) => (start ? [Math.floor(ms / 1000), Math.round((ms % 1000) * 1e6)] : [100, 0]);
      try {
        c.time(); c.timeLog(undefined, 'extra', { x: 1 }); c.timeEnd(); c.time('lbl'); c.timeEnd('lbl');
      } finally {
        process.hrtime = real;
      }
    });
  }
  scenario('time warnings', (c) => { c.time('t'); c.time('t'); c.timeEnd('missing'); c.timeLog('missing'); c.countReset('z'); });
  scenario('colors true', (c) => { c.log({ a: 1, s: 'x' }, 'plain'); c.error([null, true]); c.dir({ d: 1 }); }, { colorMode: true });
  scenario('inspectOptions', (c) => { c.log({ a: { b: { c: {} } } }, [1, 2, 3, 4]); }, { inspectOptions: { depth: 0, maxArrayLength: 2 } });

  const tables = {
    array: [[1, 2], [3, 4]],
    objects: [{ a: 1, b: 'Y' }, { a: 'Z', b: 2 }],
    mixed: [1, 'two', { a: 3 }, [4, 5], null],
    objectOfObjects: { first: { name: 'alice', age: 30 }, second: { name: 'bob', city: 'x' } },
    primitivesObj: { a: 1, b: 'str', c: true },
    map: new Map([['k1', { v: 1 }], ['k2', 'two']]),
    set: new Set([1, 'a', { b: 2 }]),
    wide: [{ name: '中文字符', emoji: 'x', long: 'a'.repeat(20) }],
    nested: [{ deep: { a: 1, b: 2, c: 3 }, arr: [1, 2, 3, 4, 5], two: { a: 1, b: 2 } }],
    empty: [],
    emptyObj: {},
    sparse: [, { a: 1 }], // eslint-disable-line no-sparse-arrays
  };
  for (const [name, data] of Object.entries(tables)) {
    scenario(`table ${name}`, (c) => c.table(data));
    scenario(`table ${name} props`, (c) => c.table(data, ['a', 'name']));
  }
  scenario('table primitive', (c) => { c.table(5); c.table('str'); c.table(null); });
  scenario('table bad props', (c) => { try { c.table([], 'a'); } catch (e) { c.log(e.code, e.message); } });
  scenario('table colors', (c) => c.table([{ a: 1, b: 'x' }]), { colorMode: true });
  check('console trace', (w) => {
    const { c, text } = make(w);
    c.trace('here %d', 1, { o: 1 });
    // Frames below the test itself differ between the two runs.
    return text().split('\n').slice(0, 5).join('\n');
  });

  // Constructor forms and validation.
  const ctorCases = {
    'no args': [],
    'bad stdout': [{ stdout: {} }],
    'bad stderr': [{ stdout: { write() {} }, stderr: 5 }],
    'bad colorMode': [{ stdout: { write() {} }, colorMode: 'yes' }],
    'bad groupIndentation': [{ stdout: { write() {} }, groupIndentation: -1 }],
    'float groupIndentation': [{ stdout: { write() {} }, groupIndentation: 1.5 }],
    'string groupIndentation': [{ stdout: { write() {} }, groupIndentation: '2' }],
    'inspectOptions+colorMode': [{ stdout: { write() {} }, colorMode: true, inspectOptions: { colors: true } }],
    'bad inspectOptions': [{ stdout: { write() {} }, inspectOptions: 5 }],
  };
  for (const [name, args] of Object.entries(ctorCases)) {
    check(`new Console(${name})`, (w) => {
      try { new (w === 'ours' ? ourConsole.Console : NodeConsole)(...args); return 'ok'; } catch (e) { return `${e.name} ${e.code}: ${e.message}`; }
    });
  }
  check('positional ctor + bound methods + instanceof', (w) => {
    const out = capture();
    const C = w === 'ours' ? ourConsole.Console : NodeConsole;
    const c = C(out.stream);
    const { log } = c;
    log('bound %s', 'ok');
    return `${out.chunks.join('')}${c instanceof C} ${({}) instanceof C} ${Object.keys(c).join(',')}`;
  });
  check('global console shape', (w) => {
    const g = w === 'ours' ? ourConsole : require('node:console');
    return util.inspect(g, { depth: 0 });
  });
  check('Console.prototype keys', (w) => Object.keys((w === 'ours' ? ourConsole.Console : NodeConsole).prototype).join());
};
