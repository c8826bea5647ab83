// Throwing non-errors through uncaughtException keeps the value.
process.on('uncaughtException', (e) => console.log('caught', typeof e, e === null ? 'null' : JSON.stringify(e)));
setTimeout(() => { throw 'string'; }, 1);
setTimeout(() => { throw 42; }, 2);
setTimeout(() => { throw null; }, 3);
setTimeout(() => { throw { a: 1 }; }, 4);
setTimeout(() => { throw undefined; }, 5);
