process.on('exit', (c) => console.log('exit', c, process.exitCode));
Promise.reject({ some: 'object' });
