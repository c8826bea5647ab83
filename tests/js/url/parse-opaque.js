// Non-special schemes: opaque paths, opaque hosts, empty hosts, the '/.'
// that keeps a path from reading as a host, and scheme syntax.
const { showAll } = require('./fixtures/show');
showAll(['mailto:user@example.com', 'mailto:a b ?q r#f g', 'data:text/plain,hello world',
  'javascript:alert(1)', 'urn:isbn:0451450523', 'tel:+1-555', 'about:blank', 'blob:https://a.com/uuid',
  'blob:file:///x', 'blob:foo', 'sc:\u00e9\u0001', 'sc: trailing  ', 'sc://host/p', 'sc://HOST/P',
  'sc://ho%41st/', 'sc://h st/', 'sc://h<st/', 'sc://\u00e9/', 'sc://[::1]/', 'sc://1.2.3.4/',
  'sc://0x7f.1/', 'sc:///x', 'sc:////x', 'sc://', 'sc:', 'sc:/', 'sc:/.//x', 'sc:/..//x',
  'sc:/a/..//b', 'sc://u:p@h:1/x', 'sc://h:65536/', 'sc://h:99999999/', 'sc://@h/',
  'sc://h/?q=\'x\'', 'sc:?x', 'sc:#x', 'a+b-c.d:x', '1a:x', '+a:x', 'a_b:x', 'A:x',
  'ht tp://x', ':x', 'x', '', ' ', 'git+ssh://git@github.com/a/b.git',
  'sc://h/a/b/../c/./d', 'sc:a/../b', 'sc://h\\x\\y', 'sc://h/%2e/x', 'ssh://u@[::1]:22/x',
  'non-spec:/.//p', 'non-spec:/..//p', 'web+demo:/.//not-a-host/']);
