const clean = (s) => String(s).split(process.cwd()).join('.');
const tries = [
  ['./fixtures/json/data.json', undefined],
  ['./fixtures/json/data.json', { with: { type: 'css' } }],
  ['./fixtures/counter.mjs', { with: { type: 'json' } }],
  ['./fixtures/json/broken.json', { with: { type: 'json' } }],
];
for (const [s, o] of tries) {
  try {
    await import(s, o);
    console.log('loaded');
  } catch (e) {
    console.log(e.name, e.code, e.code ? clean(e.message) : '');
  }
}
