import * as ns from './fixtures/more/tdz-cycle.mjs';
