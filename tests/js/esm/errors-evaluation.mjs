try {
  await import('./fixtures/throws.mjs');
} catch (e) {
  console.log('first', e.message);
}
try {
  await import('./fixtures/throws.mjs');
} catch (e) {
  console.log('second', e.message);
}
try {
  await import('./fixtures/imports-thrower.mjs');
} catch (e) {
  console.log('importer', e.message);
}
