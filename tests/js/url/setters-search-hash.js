// search and hash setters byte by byte: the query set (special and
// not) and the fragment set, leading '?' and '#' removed once, and the
// opaque path's trailing spaces when both go.
const { set } = require('./fixtures/setters');
const chars = [' ', '"', '#', "'", '<', '>', '?', '`', '{', '}', '%', '\u0000', '\u00e9', '\u007f', '\t'];
for (const c of chars) {
  set('http://h/p', 'search', `a${c}b`);
  set('sc://h/p', 'search', `a${c}b`);
  set('http://h/p', 'hash', `a${c}b`);
}
for (const v of ['?', '??', '?#', '#', '##', '#?']) { set('http://h/p?q#f', 'search', v); set('http://h/p?q#f', 'hash', v); }
const u = new URL('sc:path   ?q#f');
u.hash = ''; console.log(JSON.stringify(u.href));
u.search = ''; console.log(JSON.stringify(u.href), JSON.stringify(u.pathname));
const v = new URL('sc:p  #f');
v.search = ''; console.log(JSON.stringify(v.href));
v.hash = ''; console.log(JSON.stringify(v.href));
