// group/groupCollapsed indent by two spaces; groupEnd undoes.
console.group('Group A');
console.log('inside A');
console.group();
console.log('nested');
console.info({ multi: 'line', obj: { a: [1, 2, 3], b: 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx' } });
console.groupEnd();
console.groupCollapsed('collapsed %s', 'label');
console.log('line1\nline2');
console.groupEnd();
console.groupEnd();
console.groupEnd();
console.log('back to zero');
