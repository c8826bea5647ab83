// Inputs and bases of other types: URL objects, objects with toString,
// numbers, null and undefined, arrays.
const { show } = require('./fixtures/show');
show({ toString() { return 'http://obj/'; } });
show(new URL('http://copy/a?b#c'));
show('x', new URL('http://b/c'));
show('x', { toString: () => 'http://tostring/dir/' });
show(null, 'http://b/');
show(undefined, 'http://b/');
show(1, 'http://b/');
show(['http://arr/', 'x']);
show(['http://arr/']);
show('x', undefined);
show('http://abs/', 'garbage');
show('x', '');
show(true, 'sc://h/');
