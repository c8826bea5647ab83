// url.origin for every kind of scheme, blob: URLs wrapping others, and
// IPv6 and IDNA hosts.
const inputs = ['http://h', 'https://h:443', 'https://h:444', 'ws://h:80', 'wss://[::1]:1', 'ftp://u:p@h:21', 'file:///x', 'file://h/x',
  'sc://h:1', 'sc:x', 'data:,x', 'about:blank', 'javascript:1', 'blob:http://h:8/uuid', 'blob:https://u@\u00e9.com/x', 'blob:ftp://h/',
  'blob:ws://h/', 'blob:file:///x', 'blob:blob:http://h/', 'blob:', 'blob:null/x', 'blob:HTTP://H/', 'http://\u00fc.de', 'http://0x7f.1/'];
for (const s of inputs) console.log(s, new URL(s).origin);
