try {
  await import('./fixtures/tla-throw.mjs');
} catch (e) {
  console.log('caught', e.message);
}
try {
  await import('./fixtures/tla-throw.mjs');
} catch (e) {
  console.log('again', e.message);
}
