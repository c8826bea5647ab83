// An immediate queued from a promise job during the check phase waits.
setImmediate(() => {
  console.log('imm1');
  Promise.resolve().then(() => setImmediate(() => console.log('imm3 from promise')));
});
setImmediate(() => console.log('imm2'));
