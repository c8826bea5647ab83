// The fast path's schemes, default ports and hosts: each special scheme
// but file, in any case, with its default port dropped and others kept,
// hosts lowercased, IPv4 in all its forms, IPv6 literals and punycode.
'use strict';
function show(input, base) {
  try {
    const u = base === undefined ? new URL(input) : new URL(input, base);
    console.log(JSON.stringify(input), '->', u.href, '|', u.protocol, u.host,
      u.hostname, JSON.stringify(u.port), u.pathname, JSON.stringify(u.search),
      JSON.stringify(u.hash), u.origin);
  } catch (e) {
    console.log(JSON.stringify(input), '!', e.name, e.code, e.message);
  }
}
for (const scheme of ['http', 'https', 'ws', 'wss', 'ftp', 'HTTP', 'HtTpS', 'WSS', 'Ftp']) {
  for (const port of ['', ':', ':80', ':443', ':21', ':8080', ':0', ':00080', ':065535', ':65535', ':65536']) {
    show(`${scheme}://example.com${port}/p`);
  }
}
for (const host of ['EXAMPLE.COM', 'Www.Example.Org', 'a-b.c-d.e', '-x-.y', 'a..b', 'x.', '.', '..',
  'api2.example.com', 'example.com2', 'example.2com', '1.2.3.4', '1.2.3.4.', '1.2.3.4..',
  '127.1', '127.0.1', '2130706433', '0x7f.1', '0X7F.0.0.1', '0177.0.0.1', '017700000001',
  '0x', '0x.0x.0x.0x', '09.1', '1.2.3.256', '256.1.1.1', '4294967295', '4294967296',
  '1.2.3.4.5', '0xffffffff', '0x100000000', '1.0x', 'a.1', 'a.0x1f', 'a.0x1g', '1.a',
  '[::1]', '[::]', '[0:0:0:0:0:0:0:1]', '[1:0:0:1:0:0:0:1]', '[1:0::1:0:0:0:1]',
  '[ABCD::EF]', '[::ffff:1.2.3.4]', '[::1.2.3.4]', '[1::2::3]', '[::1', '[::1]x',
  '[1:2:3:4:5:6:7:8]', '[1:2:3:4:5:6:7:8:9]', '[::01.2.3.4]', '[]',
  'xn--nxasmq6b.com', 'XN--NXASMQ6B.COM', 'xn--a.com', 'xn--.com', 'a.xn--nxasmq6b',
  'xn--tda', 'xn--ls8h.la']) {
  show(`http://${host}/`);
  show(`wss://${host}:444`);
}
