// Setters on file: URLs: host and hostname (localhost becomes empty),
// no credentials or port, pathname with drive letters, protocol changes.
const { table } = require('./fixtures/setters');
const urls = ['file:///C:/x', 'file://h/share/x', 'file:///'];
table('host', urls, ['localhost', 'LOCALHOST', 'other', 'h:80', '', '[::1]', 'a b', '0x7f.1']);
table('hostname', urls, ['localhost', 'x', '']);
table('pathname', urls, ['/D:/y', 'D|', '/a/../..', '\\x\\y', '//z', '/C:/../..']);
table('username', urls, ['u']);
table('port', urls, ['8']);
table('protocol', urls, ['http', 'sc', 'file']);
table('search', urls, ['?a b']);
table('hash', urls, ['a b']);
