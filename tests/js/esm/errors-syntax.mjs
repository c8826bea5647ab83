for (const f of ['bad-syntax', 'bad-import-syntax', 'duplicate-export']) {
  try {
    await import(`./fixtures/${f}.mjs`);
    console.log('loaded', f);
  } catch (e) {
    console.log(f, e.name);
  }
}
