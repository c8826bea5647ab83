import util, { format } from 'util';
import { join } from 'node:path';
import * as events from 'node:events';
import EventEmitter from 'events';
import { EventEmitter as EE2 } from 'node:events';
console.log(typeof util.format, format === util.format, format('%s!', 'hi'));
console.log(join('a', 'b'), events.default === EventEmitter, EE2 === EventEmitter);

import * as pathNs from 'node:path';
console.log(pathNs.sep, pathNs.default === (await import('path')).default);
