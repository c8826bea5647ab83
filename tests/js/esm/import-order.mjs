import './fixtures/order-1.mjs';
import './fixtures/order-2.mjs';
import './fixtures/order-1.mjs';
console.log('main');
