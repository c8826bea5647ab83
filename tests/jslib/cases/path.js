'use strict';
// node:path (posix and win32) against Node's on a large generated corpus.
const nodePath = require('node:path');

module.exports = ({ check, ours }) => {
  const our = ours('path');
  const atoms = ['', '.', '..', '...', '/', '//', '///', 'a', 'ab', 'b.js', '.x', '.x.y', 'x.', 'x..', '..x', 'x.tar.gz',
    'a/', '/a', '/a/', 'a//b', 'a/./b', 'a/../b', '../a', './a', '/..', '/../a', 'a/b/c/..', 'a/b/../../..',
    'C:', 'C:\\', 'c:/x', 'C:x', 'C:\\x\\y.txt', 'C:..\\a', 'D:\\', '\\', '\\\\', '\\a', 'a\\b', 'a\\b\\', '\\\\server',
    '\\\\server\\share', '\\\\server\\share\\', '\\\\server\\share\\x.y', '//srv/sh/f.txt', '\\\\?\\C:\\a', '\\\\.\\pipe\\p',
    '/foo/bar/baz/asdf/quux.html', 'foo\\..\\..\\bar', 'ü/ñ.é', 'a b/c d.e f', '/a/b.js/', '.bashrc/', 'dir/.', 'x:y'];
  const fns1 = ['normalize', 'isAbsolute', 'dirname', 'basename', 'extname', 'parse', 'toNamespacedPath', 'resolve'];
  for (const flavour of ['posix', 'win32']) {
    const o = our[flavour];
    const n = nodePath[flavour];
    for (const fn of fns1) {
      for (const p of atoms) check(`${flavour}.${fn}(${JSON.stringify(p)})`, (w) => (w === 'ours' ? o : n)[fn](p));
    }
    // basename with suffixes
    for (const p of atoms) {
      for (const ext of ['.js', 'js', 's', '', p, `x${p}`, '.y', '/']) {
        check(`${flavour}.basename(${JSON.stringify(p)}, ${JSON.stringify(ext)})`, (w) => (w === 'ours' ? o : n).basename(p, ext));
      }
    }
    // two-argument functions on pairs
    const pairAtoms = atoms.filter((_, i) => i % 2 === 0).concat(['foo', 'foo/bar', '/foo/bar/baz', '/foo/bar/baz/quux', 'C:\\foo\\bar', 'c:\\FOO\\baz', '\\\\srv\\sh\\a', '\\\\srv\\shz\\b']);
    for (const a of pairAtoms) {
      for (const b of pairAtoms) {
        check(`${flavour}.join(${JSON.stringify(a)}, ${JSON.stringify(b)})`, (w) => (w === 'ours' ? o : n).join(a, b));
        check(`${flavour}.resolve(${JSON.stringify(a)}, ${JSON.stringify(b)})`, (w) => (w === 'ours' ? o : n).resolve(a, b));
        check(`${flavour}.relative(${JSON.stringify(a)}, ${JSON.stringify(b)})`, (w) => (w === 'ours' ? o : n).relative(a, b));
      }
    }
    for (const args of [[], ['a', 'b', 'c'], ['/a', 'b', '../c', './d'], ['a', '', 'b'], ['', ''], ['/', '/'], ['C:', 'a'], ['\\\\', 'srv', 'sh'], ['//', '/srv'], ['a', '/b', 'c']]) {
      check(`${flavour}.join(...${JSON.stringify(args)})`, (w) => (w === 'ours' ? o : n).join(...args));
      check(`${flavour}.resolve(...${JSON.stringify(args)})`, (w) => (w === 'ours' ? o : n).resolve(...args));
    }
    // format
    for (const obj of [{ root: '/', dir: '/home/u', base: 'f.txt' }, { root: '/', base: 'f.txt', ext: 'ignored' }, { root: '/', name: 'f', ext: '.txt' },
      { name: 'f', ext: 'txt' }, { dir: 'd', name: 'n' }, {}, { root: 'C:\\', name: 'x' }, { dir: 'C:\\d', base: 'b' }, { root: '/', dir: '/' }, { ext: '.e' }]) {
      check(`${flavour}.format(${JSON.stringify(obj)})`, (w) => (w === 'ours' ? o : n).format(obj));
    }
    // round trip parse/format
    for (const p of atoms) check(`${flavour}.format(parse(${JSON.stringify(p)}))`, (w) => { const x = (w === 'ours' ? o : n); return x.format(x.parse(p)); });
    // errors
    for (const bad of [5, null, undefined, {}, ['a'], true, Symbol('s'), () => {}]) {
      for (const fn of ['normalize', 'isAbsolute', 'dirname', 'basename', 'extname', 'parse', 'join', 'resolve', 'relative', 'format', 'toNamespacedPath']) {
        check(`${flavour}.${fn}(${String(typeof bad)})`, (w) => (w === 'ours' ? o : n)[fn](bad));
      }
      check(`${flavour}.basename('a', ${typeof bad})`, (w) => (w === 'ours' ? o : n).basename('a', bad));
      check(`${flavour}.relative('a', ${typeof bad})`, (w) => (w === 'ours' ? o : n).relative('a', bad));
      check(`${flavour}.join('a', ${typeof bad})`, (w) => (w === 'ours' ? o : n).join('a', bad));
      check(`${flavour}.resolve(${typeof bad}, '/abs')`, (w) => (w === 'ours' ? o : n).resolve(bad, '/abs'));
    }
    for (const k of ['sep', 'delimiter']) check(`${flavour}.${k}`, (w) => (w === 'ours' ? o : n)[k]);
    check(`${flavour} keys`, (w) => Object.keys(w === 'ours' ? o : n).join());
    check(`${flavour} cross refs`, (w) => { const x = w === 'ours' ? our : nodePath; return [x[flavour].win32 === x.win32, x[flavour].posix === x.posix, x[flavour]._makeLong === x[flavour].toNamespacedPath]; });
    // matchesGlob warns once (ExperimentalWarning); keep it off the output.
    const realEmit = process.emitWarning;
    const warnings = [];
    process.emitWarning = (...a) => warnings.push(a);
    for (const [p, g] of [['a/b/c.js', '**/*.js'], ['a/b/c.js', '*.js'], ['c.js', '*.js'], ['a/b', 'a/?'], ['a/bc', 'a/?'], ['x.ts', '*.{js,ts}'], ['a/b/c', 'a/**'], ['a', '[abc]'], ['d', '[!abc]'], ['a/.hidden', 'a/*']]) {
      check(`${flavour}.matchesGlob(${p}, ${g})`, (w) => (w === 'ours' ? o : n).matchesGlob(p, g));
    }
    process.emitWarning = realEmit;
  }
  check('module is posix', (w) => (w === 'ours' ? our : nodePath) === (w === 'ours' ? our.posix : nodePath.posix));
};
