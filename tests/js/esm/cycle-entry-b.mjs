// Entering the cycle at b evaluates a first, which reads b's binding
// before b has run: a ReferenceError (the binding is uninitialized).
try {
  await import('./fixtures/cycle-b.mjs');
} catch (e) {
  console.log(e.name);
}
