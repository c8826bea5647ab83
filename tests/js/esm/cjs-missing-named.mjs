try {
  await import('./fixtures/cjs-missing-import.mjs');
} catch (e) {
  console.log(e.name);
  console.log(e.message.split('\n')[0]);
}
