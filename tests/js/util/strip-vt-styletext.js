// stripVTControlCharacters and styleText (no colors on a pipe unless forced).
const util = require('util');
console.log(util.stripVTControlCharacters('\u001b[31mred\u001b[39m and \u001b[1mbold\u001b[22m'));
console.log(JSON.stringify(util.styleText('red', 'text')));
console.log(JSON.stringify(util.styleText(['bold', 'underline'], 'multi')));
try { util.styleText('nocolor', 'x'); } catch (e) { console.log(e.code, e.message.split('.')[0]); }
console.log(JSON.stringify(util.inspect('s', { colors: true })));
