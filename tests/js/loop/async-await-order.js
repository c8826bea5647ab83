// async functions run synchronously until the first await.
async function f() { console.log('f start'); await undefined; console.log('f after await'); return 'f done'; }
console.log('before');
f().then((v) => console.log(v));
console.log('after call');
(async () => { try { await Promise.reject(new Error('x')); } catch (e) { console.log('caught', e.message); } finally { console.log('finally'); } })();
