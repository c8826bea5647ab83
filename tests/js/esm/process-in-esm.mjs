console.log(typeof process, process.argv[1].endsWith('process-in-esm.mjs'), typeof process.nextTick);
console.log(typeof setTimeout, typeof queueMicrotask, typeof globalThis.console);
process.on('exit', (c) => console.log('exit', c));
process.exitCode = 0;
