const clean = (s) => String(s).split(process.cwd()).join('.');
for (const f of ['missing-export', 'missing-default', 'star-conflict-import']) {
  try {
    await import(`./fixtures/${f}.mjs`);
  } catch (e) {
    console.log(e.name, clean(e.message));
  }
}
