// A late catch fires 'rejectionHandled' with the same promise.
let seen;
process.on('unhandledRejection', (r, p) => { seen = p; console.log('unhandled', r); });
process.on('rejectionHandled', (p) => console.log('handled late', p === seen));
const p = Promise.reject('x');
setTimeout(() => { p.catch(() => console.log('caught')); }, 1);
