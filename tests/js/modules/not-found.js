// MODULE_NOT_FOUND: message with the require stack, requireStack array.
const path = require('path');
const clean = (s) => s.replaceAll(__dirname, '.');
for (const id of ['./nope', 'no-such-package', '/abs/nope.js', '../nope/deeper', 'pkg-main/missing']) {
  try { require(id); } catch (e) {
    console.log(e.code, '|', clean(e.message));
    console.log(e.requireStack.map(clean));
  }
}
try { require('./fixtures/reqstack/level1'); } catch (e) {
  console.log(clean(e.message));
  console.log(e.requireStack.map((p) => path.relative(__dirname, p)));
}
try { require(''); } catch (e) { console.log(e.code, e.message); }
try { require(5); } catch (e) { console.log(e.code, e.message); }
