// Special-scheme URLs: slashes, backslashes, default ports, credentials,
// whitespace trimming, and what makes them fail.
const { showAll } = require('./fixtures/show');
const schemes = ['http', 'https', 'ws', 'wss', 'ftp'];
const inputs = [];
for (const s of schemes) {
  inputs.push(`${s}://example.com`, `${s}://example.com:80/`, `${s}://example.com:443/`,
    `${s}://example.com:21/x`, `${s}:example.com`, `${s}:/example.com`, `${s}:\\\\example.com\\a\\b`,
    `${s.toUpperCase()}://EXAMPLE.COM/A?B#C`, `${s}://u:p@h:8080/p?q#f`);
}
inputs.push(
  '  http://example.com/  ', '\t\nhttp://ex\tam\nple.com/p\ra/th', '\u0000http://x/\u001f',
  'http://example.com:65535/', 'http://example.com:65536/', 'http://example.com:0/',
  'http://example.com:00080/', 'http://example.com:/', 'http://example.com:8a/',
  'http://example.com:-1/', 'http://:80/', 'http://@example.com', 'http://user@example.com',
  'http://:@example.com', 'http://a:b:c@example.com', 'http://a@b@example.com/',
  'http://us er:pa ss@example.com', 'http://üser:päss@example.com', 'http://a%40b@c',
  'http://', 'http:', 'http:/', 'http:///', 'http:////example.com///', 'http://example.com/?',
  'http://example.com/#', 'http://example.com?#', 'https://example.com?a=b', 'https://x#frag',
  'http://[1:2:3:4:5:6:7:8]:99/', 'http://ex ample.com', 'http://ex%20ample.com',
  'http://example.com/a b', 'http://example.com/"<>`{}|^', "http://example.com/?\"'<>` ",
  'http://example.com/#"<>` {}', 'http://example.com/\u00e9\u4e2d\ud83d\ude00',
  'http://example.com/?\u00e9=\ud83d\ude00', 'http://example.com/#\u00e9',
  'http://example.com/%zz%2f%2F', 'http://example.com/\ud800', 'http://ex%41mple.com/',
  'http://%zz.com/', 'http://a.b.c.d.e.f.g/', 'http://a..b/', 'http://.example.com./',
  'http://example.com\\path\\to?q\\x#h\\y', 'http://h/a/b/../../../..', 'http://h/./a/.%2e/b/%2E%2e/c',
  'http://h/a/./b/.', 'http://h/a/%2e', 'http://h/a/..', 'http://h/a/...', 'http://h//a//b//',
  'http://h/?q=a#b#c', 'http://h/?q=a?b', 'ws://h/ws', 'wss://h:443', 'ftp://u@h:21',
);
showAll(inputs);
