import pf from './fixtures/syn/paren-defaults.mjs';
import pc from './fixtures/syn/paren-class.mjs';
import aa from './fixtures/syn/async-arrow.mjs';
import cd from './fixtures/syn/commented-default.mjs';
console.log(pf(), pf.name, typeof pc, pc.name, await aa(), aa.name, cd(), cd.name);
