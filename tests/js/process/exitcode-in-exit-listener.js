// Setting exitCode inside 'exit' changes the final status.
process.on('exit', (c) => { console.log('exit with', c); process.exitCode = 21; });
