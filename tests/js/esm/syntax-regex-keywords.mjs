import { f, g, d, n, o, inTemplate } from './fixtures/syn/regex-keywords.mjs';
console.log(f(1), f(2), g().next().value, d(), n, o, inTemplate);
