process.on('unhandledRejection', (r) => console.log('unhandled', r.message));
Promise.reject(new Error('rejected in esm'));
await new Promise((r) => setTimeout(r, 5));
console.log('after');
