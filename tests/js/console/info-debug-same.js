// info and debug are log's twins on stdout; log returns undefined.
console.log(console.log('x'), console.info('y'), console.debug('z'));
console.log(typeof console.Console, typeof console.dirxml, typeof console.timeStamp, typeof console.profile);
