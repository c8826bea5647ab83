// The transform leaves everything that is not an import or an export as
// it was: each of these modules runs to Node's values.
import { r } from './fixtures/tricky/regex-division.mjs';
import { t } from './fixtures/tricky/templates.mjs';
import { names, strings, 'string export name' as o } from './fixtures/tricky/names.mjs';
import { values, sep, escapedExport } from './fixtures/tricky/escapes.mjs';
import { hashbang } from './fixtures/tricky/hashbang.mjs';
import { bom, crlf } from './fixtures/tricky/bom-crlf.mjs';
import { longLine, afterLong } from './fixtures/tricky/long-line.mjs';
console.log(r);
console.log(t);
console.log(names, strings, Object.keys(o).length);
console.log(values, sep, escapedExport);
console.log(hashbang, bom, crlf, longLine, afterLong);
