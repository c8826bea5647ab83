// URL.canParse and URL.parse agree with the constructor over a mixed
// table of inputs and bases.
const cases = [['http://h'], ['h'], ['h', 'http://b'], ['h', 'b'], ['', 'http://b'], [''], ['http://[::1'], ['sc:x'],
  ['#f', 'sc:x'], ['x', 'sc:x'], ['//h', 'file:///'], ['http://h:99999'], ['http://%zz/'], ['\u0000http://h\u0000'],
  ['http://h', undefined], ['x', null], ['x', 'null:'], [' '], ['javascript:1']];
for (const args of cases) {
  let ctor;
  try { ctor = new URL(...args).href; } catch (e) { ctor = e.code; }
  const p = URL.parse(...args);
  console.log(JSON.stringify(args), URL.canParse(...args), p === null ? null : p.href, ctor);
}
