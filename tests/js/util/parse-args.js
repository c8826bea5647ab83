// util.parseArgs: types, short flags, multiple, positionals, strict errors, tokens.
const { parseArgs } = require('util');
const options = { verbose: { type: 'boolean', short: 'v' }, name: { type: 'string', short: 'n' }, tag: { type: 'string', multiple: true } };
console.log(parseArgs({ args: ['-v', '--name=x', '--tag', 'a', '--tag', 'b'], options }));
console.log(parseArgs({ args: ['-vn', 'short'], options }).values);
console.log(parseArgs({ args: ['pos1', '--verbose', 'pos2'], options, allowPositionals: true }));
console.log(parseArgs({ args: ['--', '--verbose'], options, allowPositionals: true }).positionals);
for (const args of [['--unknown'], ['pos'], ['--name'], ['--verbose=yes']]) {
  try { parseArgs({ args, options }); } catch (e) { console.log(e.code, e.message); }
}
console.log(parseArgs({ args: ['--unknown', 'p'], options, strict: false }));
console.log(parseArgs({ args: ['-v', '--name', 'x'], options, tokens: true }).tokens);
console.log(parseArgs({ args: ['--no-color'], options: { color: { type: 'boolean' } }, allowNegative: true, strict: false }).values);
