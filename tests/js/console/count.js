// count/countReset print "label: n"; default label is "default".
console.count();
console.count();
console.count('x');
console.count('x');
console.countReset('x');
console.count('x');
console.count(undefined);
console.count(null);
console.count(1);
console.countReset();
console.count();
process.on('warning', (w) => console.log('warning:', w.message));
console.countReset('never-counted');
