// group indents every line of multi-line output, including tables.
console.group('G');
console.table([{ a: 1 }]);
console.dir({ a: { b: { c: { d: 1 } } } }, { depth: 0 });
console.log(new Error('in group').message);
console.groupEnd();
