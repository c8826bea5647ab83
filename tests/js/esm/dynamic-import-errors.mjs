const clean = (s) => String(s).split(process.cwd()).join('.');
for (const s of ['./fixtures/nope.mjs', './fixtures/counter', 'no-such-pkg', 'node:nope', './fixtures/json/data.json']) {
  try {
    await import(s);
    console.log('loaded', s);
  } catch (e) {
    console.log(e.code, clean(e.message));
  }
}
