// cause and AggregateError contents are shown by inspect.
const { inspect } = require('util');
const rel = (s) => s.split('\n').filter((l) => !l.includes('node:') && !l.includes('    at ')).join('\n');
console.log(rel(inspect(new Error('outer', { cause: 'plain cause' }))));
console.log(rel(inspect(new Error('outer', { cause: { code: 42 } }))));
const agg = new AggregateError([new Error('one'), 'two'], 'agg message');
console.log(rel(inspect(agg)));
