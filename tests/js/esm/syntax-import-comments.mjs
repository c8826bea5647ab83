import { count, inc, fdef, ns } from './fixtures/syn/import-comments.mjs';
console.log(count, inc(), fdef, ns.shared);
