// emitWarning: the 'warning' event gets an Error-like object.
process.on('warning', (w) => {
  console.log([w.name, w.message, w.code, w.detail, w instanceof Error].join(' | '));
});
process.emitWarning('plain');
process.emitWarning('typed', 'CustomWarning');
process.emitWarning('coded', 'CustomWarning', 'CODE1');
process.emitWarning('opts', { type: 'OptWarning', code: 'C2', detail: 'some detail' });
const e = new Error('an error object');
e.name = 'MyWarning';
process.emitWarning(e);
process.emitWarning('deprecated thing', 'DeprecationWarning', 'DEP0XXX');
try { process.emitWarning(5); } catch (err) { console.log(err.code, err.message); }
try { process.emitWarning('x', 5); } catch (err) { console.log(err.code, err.message); }
console.log('sync end');
