const clean = (s) => String(s).split(process.cwd()).join('.');
for (const s of ['cond-pkg/private/x', 'cond-pkg/missing', 'legacy-pkg/lib/sub', 'legacy-pkg/lib/sub.js', '@scope/nope', 'cond-pkg/package.json']) {
  try {
    const ns = await import(s, s.endsWith('.json') ? { with: { type: 'json' } } : undefined);
    console.log('ok', s, Object.keys(ns));
  } catch (e) {
    console.log(e.code, clean(e.message));
  }
}
