import './fixtures/more/tla-a.mjs';
import './fixtures/more/tla-b.mjs';
import './fixtures/more/tla-c.mjs';
console.log('main after all three');
