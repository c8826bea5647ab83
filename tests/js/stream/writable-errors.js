// Writable errors: write after end, write after destroy, null chunks, bad
// chunk types, unknown encodings, end twice, errors in _write.
const { Writable } = require('stream');

function show(label, e) {
  console.log(label, e.name, e.code, e.message);
}

const w = new Writable({ write(c, e, cb) { cb(); } });
w.on('error', (e) => show('error event', e));
w.end();
w.write('late', (e) => show('write cb', e));
try {
  w.write(null);
} catch (e) {
  show('null', e);
}
try {
  new Writable({ write(c, e, cb) { cb(); } }).write(42);
} catch (e) {
  show('number', e);
}
try {
  new Writable({ write(c, e, cb) { cb(); } }).write('x', 'nope');
} catch (e) {
  show('encoding', e);
}
try {
  new Writable().setDefaultEncoding('bogus');
} catch (e) {
  show('setDefaultEncoding', e);
}

const d = new Writable({ write(c, e, cb) { cb(); } });
d.on('error', (e) => show('destroyed error event', e));
d.destroy();
d.write('x', (e) => show('destroyed write cb', e));

const f = new Writable({ write(c, e, cb) { cb(); } });
f.end(() => {
  f.end((e) => show('second end cb', e));
});

const bad = new Writable({
  write(c, e, cb) {
    cb(new Error('disk full'));
  },
});
bad.on('error', (e) => console.log('write error', e.message, 'destroyed', bad.destroyed));
bad.on('close', () => console.log('close after write error', bad.errored.message));
bad.write('x', (e) => console.log('cb got', e.message));

const noimpl = new Writable();
noimpl.on('error', (e) => show('no _write', e));
try {
  noimpl.write("x");
} catch (e) {
  show("no _write", e);
}
