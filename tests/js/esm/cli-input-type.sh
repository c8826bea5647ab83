# --input-type=module for -e and stdin: the source is an ES module.
$NODE --input-type=module -e "import { sep } from 'path'; import * as u from 'node:util'; console.log(sep, typeof u.format, typeof require, this, import.meta.url.startsWith('file:'))"
echo "const m = await import('./fixtures/counter.mjs'); console.log('stdin module', m.count, typeof __filename)" | $NODE --input-type=module
$NODE --input-type=module -e "export const x = 1; console.log('exports allowed in eval module', x)"
$NODE -e "import('./fixtures/counter.mjs').then((m) => console.log('import() from -e', m.count, typeof require))"
$NODE --input-type=module -e "await Promise.resolve(); console.log('top-level await in -e')"
echo "exit codes:"
$NODE --input-type=module -e "throw new Error('x')" 2>/dev/null; echo $?
$NODE --input-type=module -e "import './fixtures/nope.mjs'" 2>/dev/null; echo $?
