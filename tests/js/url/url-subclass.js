// Subclasses of URL and URLSearchParams work and inspect under their own
// names.
class MyURL extends URL {
  get extra() { return this.hostname.toUpperCase(); }
}
const m = new MyURL('http://sub.example/p?q=1');
console.log(m instanceof URL, m.extra, m.href, m.searchParams.get('q'), String(m), JSON.stringify(m));
console.log(m);
class MyParams extends URLSearchParams {
  first() { return [...this.keys()][0]; }
}
const p = new MyParams('b=1&a=2');
console.log(p.first(), p.toString(), p instanceof URLSearchParams);
console.log(p);
console.log(MyURL.canParse('x', 'http://b'), typeof MyURL.parse);
