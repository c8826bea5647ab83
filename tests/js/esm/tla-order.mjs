import { order } from './fixtures/log.mjs';
import './fixtures/tla-dep.mjs';
import './fixtures/tla-sync.mjs';
console.log('main runs after', order.join(' > '));
