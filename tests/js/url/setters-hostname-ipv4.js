// hostname setter with numeric hosts: IPv4 forms normalized on special
// URLs, kept as written on non-special ones, invalid numbers refused.
const { table } = require('./fixtures/setters');
table('hostname', ['http://h/p', 'sc://h/p'], ['0x7f.1', '127.1', '1.2.3.4.5', '256.1.1.1', '0.0.0.0', '4294967295', '4294967296',
  '1.2.3.', '09.1', 'a.09', '\uff11.\uff12']);
