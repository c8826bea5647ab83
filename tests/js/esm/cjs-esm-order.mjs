import './fixtures/more/order-a.cjs';
import './fixtures/more/order-b.mjs';
import './fixtures/more/order-c.cjs';
console.log('order: main');
