try {
  require('./fixtures/tla-value.mjs');
} catch (e) {
  console.log(e.code);
  console.log(e.message.split('\n')[0]);
}
