import data from './fixtures/json/data.json' with { type: 'json' };
import again from './fixtures/json/data.json' with { type: 'json' };
import pkgData from 'cond-pkg/data.json' with { type: 'json' };
console.log(data, data === again, pkgData);
const dyn = await import('./fixtures/json/data.json', { with: { type: 'json' } });
console.log(Object.keys(dyn), dyn.default === data);
