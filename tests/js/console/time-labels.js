// time/timeEnd/timeLog: label bookkeeping, warnings for misuse (the
// elapsed figure itself goes to stdout but is not printed here).
process.on('warning', (w) => console.log('warning:', w.name, w.message));
const orig = process.stdout.write.bind(process.stdout);
const lines = [];
process.stdout.write = (s, ...r) => { lines.push(String(s)); return true; };
console.time('t');
console.timeLog('t', 'extra', { a: 1 });
console.timeEnd('t');
console.time();
console.timeEnd();
process.stdout.write = orig;
for (const l of lines) console.log(l.replace(/\d+(\.\d+)?m?s/, 'N ms').trimEnd());
console.timeEnd('missing');
console.timeLog('missing');
console.time('dup');
console.time('dup');
