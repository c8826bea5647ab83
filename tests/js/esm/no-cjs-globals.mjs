console.log(typeof require, typeof module, typeof exports, typeof __filename, typeof __dirname);
for (const name of ['require', '__dirname', '__filename', 'module', 'exports']) {
  try { eval(name); } catch (e) { console.log(name, e.name); }
}
