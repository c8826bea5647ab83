// JSON modules: parsed once, cached, parse errors name the file.
const d = require('./fixtures/data.json');
console.log(d, d === require('./fixtures/data'));
d.mutated = true;
console.log(require('./fixtures/data.json').mutated);
for (const f of ['./fixtures/bad.json', './fixtures/empty.json']) {
  try { require(f); } catch (e) { console.log(e.name, e.message.replace(__dirname, '.').split(':')[0]); }
}
try { require('./fixtures/node_modules/pkg-bad-json'); } catch (e) { console.log(e.name, e.code, (e.message.match(/package\.json/) || [])[0]); }
