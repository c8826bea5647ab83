// IPv6 through the host and hostname setters and the href setter:
// compressed forms, embedded IPv4, ports after brackets, bad literals.
const { table } = require('./fixtures/setters');
const values = ['[::1]', '[0:0::1]:82', '[::ffff:1.2.3.4]', '[::1]x', '[::1]:', '[1::2::3]', '[::1', '::1'];
table('host', ['http://h:81/p'], values);
// Not '::1' on a non-special URL: Node 20 (ada) empties the host where the
// URL Standard leaves the URL alone, and nodec follows the standard.
table('host', ['sc://h/p'], values.filter((v) => v !== '::1'));
table('hostname', ['http://h:81/p'], ['[::1]', '[::1]:82', '[2001:DB8::1]']);
table('href', ['http://h/'], ['http://[::1]:80/', 'http://[::1%251]/', 'https://[1:2:3:4:5:6:7:8]:443/']);
