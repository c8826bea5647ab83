import { renamedN, bump } from './fixtures/more/live-re.mjs';
import { n as starN } from './fixtures/more/live-star.mjs';
import { inner } from './fixtures/more/live-nsre.mjs';
console.log(renamedN, starN, inner.n);
bump(); bump();
console.log(renamedN, starN, inner.n);
