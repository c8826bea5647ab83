// Long inputs on the fast path: a host too long for the host cache, a
// path with more segments than the dot-segment pass keeps in its array,
// long components to encode; shown by length and by their ends.
'use strict';
function show(label, input) {
  try {
    const u = new URL(input);
    const ends = (s) => (s.length > 40 ? `${s.slice(0, 20)}...${s.slice(-20)} (${s.length})` : s);
    console.log(label, ends(u.href), '|', ends(u.hostname), ends(u.pathname), ends(u.search),
      ends(u.hash), u.href === input);
  } catch (e) {
    console.log(label, e.name, e.code);
  }
}
show('long host', `http://${'Ab'.repeat(200)}.example/`);
show('long numeric host', `http://${'0'.repeat(300)}1/`);
show('long lower host', `https://${'a.'.repeat(200)}org/x`);
show('long punycode host', `http://${'x'.repeat(300)}.xn--nxasmq6b/`);
show('many segments', `http://h/${'a/'.repeat(300)}${'../'.repeat(150)}b/./c`);
show('many dots', `http://h/${'./'.repeat(500)}x/${'%2e%2E/'.repeat(20)}y`);
show('deep then up', `ws://h${'/s'.repeat(1000)}${'/..'.repeat(999)}`);
show('long encode', `http://h/${'\u00e9 '.repeat(500)}?${'"<>'.repeat(300)}#${'`'.repeat(300)}`);
show('long same', `http://h/${'abc/'.repeat(1000)}?${'k=v&'.repeat(500)}#end`);
