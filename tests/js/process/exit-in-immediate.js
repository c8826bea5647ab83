setImmediate(() => { console.log('imm'); process.exitCode = 2; process.exit(); });
setImmediate(() => console.log('never'));
