// Node's coded error messages for argument types.
const { codes } = (() => { try { return require('internal/errors'); } catch { return {}; } })();
const path = require('path');
const cases = [
  () => path.join({}), () => path.join([]), () => path.join(() => {}), () => path.join(Symbol('s')),
  () => path.join(1n), () => path.join(true), () => path.join(new (class Foo {})()), () => path.join(Object.create(null)),
  () => path.join('a'.repeat(30) + 'long string that gets cut off somewhere around here ok'),
];
for (const c of cases) { try { c(); } catch (e) { console.log(e.message); } }
console.log(codes === undefined);
