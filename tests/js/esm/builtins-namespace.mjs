import * as path from 'node:path';
import * as events from 'events';
console.log(path.join('x', 'y'), typeof path.default.join, path.default === (await import('path')).default);
console.log(Object.prototype.toString.call(path), typeof events.EventEmitter, events.default === events.EventEmitter);
console.log(['join', 'resolve', 'default', 'posix'].every((k) => k in path));
