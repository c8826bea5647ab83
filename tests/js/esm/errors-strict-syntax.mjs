for (const f of ['with', 'octal', 'delete', 'await-sync', 'return', 'nested-import', 'two-defaults', 'dup-names']) {
  try {
    await import(`./fixtures/more/${f}.mjs`);
    console.log(f, 'loaded');
  } catch (e) {
    console.log(f, e.name);
  }
}
