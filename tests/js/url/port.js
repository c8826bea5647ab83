// Ports: ranges, leading zeros, default ports per scheme (removed only
// for that scheme), and ports on hosts that cannot have one.
const { showAll } = require('./fixtures/show');
const inputs = [];
for (const s of ['http', 'https', 'ws', 'wss', 'ftp', 'sc', 'file']) {
  for (const p of ['80', '443', '21', '0', '00080', '65535', '65536', '4294967377', '1a', '+1', '', '08']) {
    inputs.push(`${s}://h:${p}/`);
  }
}
inputs.push('http://h:80:80/', 'http://[::1]:443/', 'https://[::1]:443/', 'http://1.2.3.4:0x50/', 'http://h: 80/', 'sc://:99/');
showAll(inputs);
