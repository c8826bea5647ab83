// emitWarning with a ctor trims the stack; warnings carry stack strings.
process.on('warning', (w) => {
  console.log(w.name, w.message, typeof w.stack, w.stack.split('\n')[0]);
  console.log(w.stack.includes('hidden'));
});
function hidden() { process.emitWarning('from hidden', { type: 'T', ctor: hidden }); }
hidden();
