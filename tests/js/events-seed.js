// The seed's EventEmitter note, in CommonJS.
const { EventEmitter, once } = require('node:events');
const bus = new EventEmitter();
bus.on('user.signup', (user) => {
  console.log(`Welcome email queued for ${user.email}`);
});
bus.on('user.signup', (user) => {
  console.log(`Analytics tracked for ${user.id}`);
});
bus.emit('user.signup', { id: 42, email: 'a@b.com' });

const server = new EventEmitter();
server.once('listening', () => console.log('Server started'));
server.emit('listening');
server.emit('listening');

function onData(chunk) { console.log('data', chunk); }
server.on('data', onData);
server.emit('data', 1);
server.off('data', onData);
console.log(server.emit('data', 2), server.listenerCount('data'));

const e = new EventEmitter();
e.on('error', (err) => console.log('Emitter error:', err.message));
e.emit('error', new Error('boom'));

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
runner.on('start', (job) => console.log('start', job.id));
runner.on('done', ({ job, result }) => console.log(`${job.id} → ${result}`));
runner.on('error', (err) => console.log('failed', err.message));
runner.run({ id: 'j1', execute: async () => 'ok' });
runner.run({ id: 'j2', execute: async () => { throw new Error('nope'); } });

(async () => {
  const em = new EventEmitter();
  setTimeout(() => em.emit('listening', 'a', 'b'), 1);
  console.log('once resolved with', await once(em, 'listening'));
  setTimeout(() => em.emit('error', new Error('first')), 1);
  try {
    await once(em, 'ready');
  } catch (err) {
    console.log('once rejected with', err.message);
  }
})();
