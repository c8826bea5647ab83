'use strict';
(async () => {
  const b = new Blob(['ab', 'cd', 'ef']);
  console.log(await b.slice(1, 5).text(), await b.slice(-3, -1).text(), await b.slice(3).text(), JSON.stringify(await b.slice(4, 2).text()));
  console.log((await b.arrayBuffer()).byteLength, (await b.slice(1, 1).arrayBuffer()).byteLength);
  const nested = new Blob([b.slice(2), new Uint16Array([0x4241]), new DataView(new ArrayBuffer(1))]);
  console.log(nested.size, JSON.stringify(await nested.text()));
  console.log(new Blob(['x'], { type: 'A/B;C=D' }).type, new Blob(['x'], null).size, new Blob().size);
  for (const bad of [5, null, { length: 1 }]) {
    try { new Blob(bad); console.log('ok', bad); } catch (e) { console.log(e.code); }
  }
  try { new Blob([], 'str'); } catch (e) { console.log(e.code, e.message); }
  console.log(await new Blob([new Set(['a']), [1, 2]]).text());
})();
