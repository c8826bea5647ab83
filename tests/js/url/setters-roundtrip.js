// Building URLs up with setters, each step printed: what a program that
// assembles API URLs sees.
const u = new URL('https://api.example.com');
const steps = [['pathname', '/v1/users'], ['port', '8443'], ['username', 'svc'], ['password', 's3cr3t!'],
  ['hash', 'section-2'], ['search', '?id=42&active=true'], ['hostname', 'API.Example.ORG'], ['protocol', 'http'],
  ['port', '80'], ['host', 'h.test:8080'], ['pathname', '../../x/./y'], ['search', ''], ['hash', ''], ['username', ''],
  ['password', ''], ['href', 'ws://other/'], ['protocol', 'wss'], ['port', '443']];
for (const [k, v] of steps) {
  u[k] = v;
  console.log(k, JSON.stringify(v), u.href);
}
u.searchParams.set('k', 'v'); u.searchParams.append('k', 'w x');
console.log(u.href, u.search, [...u.searchParams]);
