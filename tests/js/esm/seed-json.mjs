// Gotcha 5: JSON imports need an attribute.
import data from './fixtures/seed/data.json' with { type: 'json' };
console.log(data);
try {
  await import('./fixtures/seed/data.json');
} catch (e) {
  console.log(e.code, e.name);
}
