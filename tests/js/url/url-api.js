// The shape of URL and URLSearchParams (enumerable accessors, statics,
// globals), URL.canParse and URL.parse, toJSON, and the constructor's errors.
console.log(Object.keys(URL.prototype), Object.keys(URL), Object.keys(URLSearchParams.prototype));
console.log(Object.getOwnPropertyNames(URL.prototype).length, typeof URL, URL.name, URL.length, URLSearchParams.length);
const d = Object.getOwnPropertyDescriptor(globalThis, 'URL');
console.log(d.enumerable, d.writable, d.configurable, Object.keys(globalThis).includes('URL'));
console.log(require('url').URL === URL, require('node:url').URLSearchParams === URLSearchParams);
console.log(URL.canParse('http://x'), URL.canParse('x'), URL.canParse('x', 'http://b/'), URL.canParse('x', 'bad'), URL.canParse(''));
console.log(URL.parse('http://x/y?z').href, URL.parse('nope'), URL.parse('/rel', 'http://base/dir/').href, URL.parse('a', 'b'));
const errs = [() => new URL(), () => new URL('nope'), () => new URL('x', 'bad base'), () => new URL('http://[::1'),
  () => URL.canParse(), () => new URL({ toString() { return 'http://obj/'; } }).href, () => new URL(new URL('http://copy/')).href,
  () => new URL('x', new URL('http://b/c')).href, () => new URL(null), () => new URL(undefined, 'http://b'),
  () => new URL(Symbol('s')), () => { const u = new URL('http://h'); u.href = 'bad'; },
  () => Object.getOwnPropertyDescriptor(URL.prototype, 'href').get.call({}), () => URL.prototype.toString.call(1),
  () => URL.revokeObjectURL(), () => URL.createObjectURL('x'), () => new URL('http://h/').toJSON()];
for (const f of errs) {
  try { console.log('ok', f()); } catch (e) { console.log(e.name, e.code, e.message, JSON.stringify(e.input), JSON.stringify(e.base), Object.keys(e)); }
}
const u = new URL('http://h/a');
console.log(JSON.stringify(u), JSON.stringify([u]), u instanceof URL, Object.keys(u), u.toString === URL.prototype.toString);
console.log(new URL('blob:https://a.com:8/x').origin, new URL('blob:ftp://x/').origin, new URL('blob:bad').origin, new URL('file:///x').origin, new URL('sc://h/').origin, new URL('https://h:443/').origin);
