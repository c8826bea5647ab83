# -e code runs in the global scope: var and function declarations become
# globals; let/const do not; `this` is globalThis.
"$NODE" -e 'var v = 1; let l = 2; function f() {} console.log(globalThis.v, globalThis.l, typeof globalThis.f, this === globalThis)'
"$NODE" -p 'this === globalThis'
"$NODE" -e '"use strict"; try { undeclared = 1 } catch (e) { console.log(e.name) }'
"$NODE" -e 'console.log(require.resolve("path"), module.paths.length > 0, require.main)'
