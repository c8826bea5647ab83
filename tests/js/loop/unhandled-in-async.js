// A throw inside an async function without catch is an unhandled rejection.
process.on('unhandledRejection', (r, p) => console.log('unhandled', r.message, p instanceof Promise));
async function boom() { throw new Error('async throw'); }
boom();
(async () => { await null; null.x; })().catch((e) => console.log('caught engine error', e instanceof TypeError));
