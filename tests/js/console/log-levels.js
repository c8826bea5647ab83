// log, info and debug go to stdout; warn, error and trace to stderr.
console.log('log', 1, 'two', { three: 3 });
console.info('info %s=%d', 'x', 42);
console.debug('debug', [1, 2, 3]);
console.warn('warn (stderr)');
console.error('error (stderr)');
console.trace('trace (stderr)');
console.log();
console.log('');
console.log(undefined, null, true, 1n, Symbol('s'));
console.log('%c styled', 'color: red');
console.log('100%', 'literal', '%', '%%');
