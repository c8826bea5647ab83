const clean = (s) => String(s).split(process.cwd()).join('.');
for (const s of ['./fixtures/more/nope-dir/', './fixtures/more/nope-dir', './fixtures/more/notes.txt', 'https://example.com/x.mjs', '@scope', '../esm/fixtures/counter.mjs']) {
  try {
    const m = await import(s);
    console.log('ok', s, Object.keys(m));
  } catch (e) {
    console.log(e.code, clean(e.message));
  }
}
