const clean = (s) => String(s).split(process.cwd()).join('.');
import { count } from '#counter';
import { shared } from '#lib/star-a';
import cond from '#cond';
import pkg from '#pkg';
console.log(count, shared, cond, pkg);
try { await import('#missing'); } catch (e) { console.log(e.code, clean(e.message)); }
