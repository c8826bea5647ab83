'use strict';
// The seed notes' code samples for path, util.promisify and EventEmitter,
// run once against our modules and once against Node's, with console.log
// formatted by the matching util.format. Stack frames are dropped since
// they name the implementation's files.
const vm = require('node:vm');

const samples = {
  'path helpers': `
    const path = require('node:path');
    console.log(path.join('foo', 'bar', 'baz.txt'));
    console.log(path.resolve('/etc', 'config', '../app.conf'));
    console.log(path.resolve('foo', 'bar', 'baz.txt') === process.cwd() + '/foo/bar/baz.txt');
    console.log(path.dirname('/var/log/app.log'));
    console.log(path.basename('/var/log/app.log'));
    console.log(path.extname('/var/log/app.log'));
    console.log(path.parse('/var/log/app.log'));
    const __dirname2 = path.dirname('/app/src/index.js');
    console.log(path.join(__dirname2, 'config.json'));
  `,
  'manual promisify': `
    function manualPromisify(fn) {
      return function (...args) {
        return new Promise((resolve, reject) => {
          fn(...args, (err, result) => { if (err) reject(err); else resolve(result); });
        });
      };
    }
    const { promisify } = require('node:util');
    const cbFn = (a, b, cb) => setTimeout(() => cb(null, a + b), 1);
    const failing = (cb) => setTimeout(() => cb(new Error('nope')), 1);
    (async () => {
      console.log('manual', await manualPromisify(cbFn)(1, 2));
      console.log('util', await promisify(cbFn)(3, 4));
      try { await promisify(failing)(); } catch (e) { console.log('caught', e.message); }
      function lookupLike(host, cb) { cb(null, '104.20.22.46', 4); }
      lookupLike[promisify.custom] = (host) => Promise.resolve({ address: '104.20.22.46', family: 4 });
      console.log(await promisify(lookupLike)('nodejs.org'));
      done();
    })();
  `,
  'event bus': `
    const { EventEmitter } = require('node:events');
    const bus = new EventEmitter();
    bus.on('user.signup', (user) => { console.log(\`Welcome email queued for \${user.email}\`); });
    bus.on('user.signup', (user) => { console.log(\`Analytics tracked for \${user.id}\`); });
    console.log(bus.emit('user.signup', { id: 42, email: 'a@b.com' }));
    const server = new EventEmitter();
    server.once('listening', () => { console.log('Server started'); });
    server.emit('listening'); server.emit('listening');
    function onData(chunk) { console.log('data', chunk); }
    const stream = new EventEmitter();
    stream.on('data', onData); stream.emit('data', 1);
    stream.off('data', onData); stream.emit('data', 2);
    stream.setMaxListeners(50); console.log(stream.getMaxListeners());
    const e = new EventEmitter();
    try { e.emit('error', new Error('boom')); } catch (err) { console.log('CRASHES with', err.message); }
    e.on('error', (err) => { console.error('Emitter error:', err); });
    e.emit('error', new Error('boom'));
    console.log(bus, e);
  `,
  'job runner': `
    const { EventEmitter, once } = require('node:events');
    class JobRunner extends EventEmitter {
      async run(job) {
        this.emit('start', job);
        try {
          const result = await job.execute();
          this.emit('done', { job, result });
        } catch (err) {
          this.emit('error', err);
        }
      }
    }
    const runner = new JobRunner();
    runner.on('start', (job) => console.log('start', job));
    runner.on('done', ({ job, result }) => console.log(\`\${job.id} → \${result}\`));
    runner.on('error', (err) => console.log('alert', err.message));
    (async () => {
      await runner.run({ id: 'j1', execute: async () => 42 });
      await runner.run({ id: 'j2', execute: async () => { throw new Error('failed job'); } });
      const server = new EventEmitter();
      setTimeout(() => server.emit('listening', 8080), 1);
      const args = await once(server, 'listening');
      console.log('Server is up', args);
      console.log(runner);
      done();
    })();
  `,
};

module.exports = async ({ check, ours }) => {
  const nodeUtil = require('node:util');
  const ourUtil = ours('util');
  for (const [name, code] of Object.entries(samples)) {
    const outputs = {};
    for (const w of ['ours', 'node']) {
      const lines = [];
      const fmt = w === 'ours' ? ourUtil.format : nodeUtil.format;
      const fakeConsole = { log: (...a) => lines.push(fmt(...a)), error: (...a) => lines.push('[err] ' + fmt(...a)) };
      const req = (id) => (w === 'ours' ? ours(id.replace(/^node:/, '')) : require(id));
      await new Promise((resolve) => {
        const isAsync = code.includes('done()');
        const fn = vm.runInThisContext(`(function (require, console, process, done) {${code}\n})`, { filename: `sample-${name}.js` });
        fn(req, fakeConsole, process, resolve);
        if (!isAsync) resolve();
      });
      outputs[w] = lines.join('\n').split('\n').filter((l) => !/^\s+at /.test(l)).join('\n');
    }
    check(`sample: ${name}`, (w) => outputs[w]);
  }
};
