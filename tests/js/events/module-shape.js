// The events module's exports.
const events = require('events');
console.log(typeof events, events === events.EventEmitter, events.EventEmitter.EventEmitter === events);
console.log(['once', 'on', 'getEventListeners', 'setMaxListeners', 'errorMonitor', 'captureRejectionSymbol', 'defaultMaxListeners', 'usingDomains']
  .map((k) => k + ':' + typeof events[k]).join(' '));
console.log(Object.getOwnPropertyNames(events.prototype).sort().join(','));
console.log(events.usingDomains, events.captureRejections);
