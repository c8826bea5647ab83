import { count } from './fixtures/counter.mjs';
import * as ns from './fixtures/counter.mjs';
try { count = 5; } catch (e) { console.log('assign import:', e.name); }
try { ns.count = 5; } catch (e) { console.log('assign ns:', e.name); }
try { ns.extra = 1; } catch (e) { console.log('extend ns:', e.name); }
try { delete ns.count; } catch (e) { console.log('delete ns:', e.name); }
console.log(count, ns.count, 'extra' in ns);
