// Resolving with a thenable or a native promise takes extra jobs.
const log = [];
new Promise(r => r(Promise.resolve())).then(() => log.push('resolved with promise'));
Promise.resolve().then(() => log.push('1')).then(() => log.push('2')).then(() => log.push('3'));
new Promise(r => r({ then(f) { log.push('thenable then called'); f(); } })).then(() => log.push('thenable'));
(async () => { return Promise.resolve(); })().then(() => log.push('async returns promise'));
setTimeout(() => console.log(log.join(', ')), 0);
