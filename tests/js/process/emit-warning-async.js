// 'warning' is emitted on nextTick; noDeprecation silences deprecations.
process.on('warning', (w) => console.log('warning', w.name, w.message));
process.emitWarning('first');
console.log('after emit');
process.nextTick(() => console.log('tick queued after'));
process.noDeprecation = true;
process.emitWarning('hidden', 'DeprecationWarning');
