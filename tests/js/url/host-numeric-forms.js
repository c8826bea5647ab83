// Hosts that become IPv4 only after percent-decoding or IDNA mapping
// (full-width digits and dots), and names that merely contain numbers.
const { showAll } = require('./fixtures/show');
const hosts = ['%31%32%37.0.0.1', '127.0.0.%31', '\uff11\uff12\uff17\uff0e\uff10\uff0e\uff10\uff0e\uff11', '127\u30020\u30020\u30021',
  '0x%37f.1', '%30x7f.1', '1.2.3.4%2e', '%2e1.2.3', 'a.0x', 'a.0', 'a.09', 'v1.2', '1.2.v3', '1.0x1.2', '0x.1', '0x0x1',
  '00000000000000000001', '0x0000000000000000001', '1.2.3.4.5.6', '4294967295.', '0xFFFFFFFF.', '.0x1', '1..'];
showAll(hosts.map((h) => `http://${h}/`));
showAll(hosts.slice(0, 6).map((h) => `sc://${h}/`));
