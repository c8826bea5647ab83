// The seed's point: the callback runs after the rest of the script
// ("this runs FIRST"), shown with an async API available here.
const { promisify } = require('util');
const later = promisify(setImmediate);
console.log('before');
later().then(() => console.log('callback data'));
setImmediate(() => console.log('immediate callback'));
console.log('this runs FIRST');
