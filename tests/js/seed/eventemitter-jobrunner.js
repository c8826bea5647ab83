// The seed's JobRunner class extending EventEmitter.
const { EventEmitter } = require('node:events');
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
const log = (s) => console.log('log:', s);
const alert = (err) => console.log('alert:', err.message);
const runner = new JobRunner();
runner.on('start', (job) => console.log('start', job.id));
runner.on('done', ({ job, result }) => log(`${job.id} → ${result}`));
runner.on('error', (err) => alert(err));
(async () => {
  await runner.run({ id: 'j1', execute: async () => 42 });
  await runner.run({ id: 'j2', execute: async () => { throw new Error('job failed'); } });
  console.log(runner instanceof EventEmitter, runner.eventNames());
})();
