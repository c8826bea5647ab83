// internal/modules/esm - ES modules on an engine whose C API has no module
// loader.  src/nodec/esm.c turns each module into a generator function
// (see esm.h): its first step hands over the module's export getters
// (function declarations are hoisted by then), its second evaluates the
// body.  Imported bindings are getters on the object the body runs
// `with`, so importers see an exported `let` as it changes.
//
// Here: which files are ES modules, Node's ESM resolution (mandatory
// extensions, "exports"/"imports" with the import conditions, node:
// built-ins), loading and linking the graph (cycles, `export *`),
// evaluation in Node's order with top-level await, namespaces,
// import.meta, import(), JSON modules, and CommonJS interop both ways.
'use strict';

const path = require('path');

let requireBuiltin;
let binding;
let cjs;

const CONDITIONS = ['node', 'import', 'module-sync', 'node-addons', 'default'];

function init(req, b, c) {
  requireBuiltin = req;
  binding = b;
  cjs = c;
}

// --- errors ------------------------------------------------------------------

function codedError(Base, code, msg) {
  const err = new Base(msg);
  err.code = code;
  return err;
}

function syntaxError(msg, url, line, column) {
  const err = new SyntaxError(msg);
  if (url !== undefined) {
    err.sourceURL = url;
    err.line = line;
    err.column = column;
    Object.defineProperty(err, 'sourceURL', { enumerable: false });
    Object.defineProperty(err, 'line', { enumerable: false });
    Object.defineProperty(err, 'column', { enumerable: false });
  }
  return err;
}

// --- URLs ----------------------------------------------------------------------

function fileURL(p) {
  return 'file://' + encodeURI(p).replace(/[?#]/g, encodeURIComponent);
}

function urlToPath(url) {
  let p = url.slice(7);
  const q = p.search(/[?#]/);
  if (q !== -1) p = p.slice(0, q);
  return decodeURIComponent(p);
}

// --- which files are ES modules ----------------------------------------------

function packageType(filename) {
  const scope = cjs.packageScope(filename);
  return scope && scope.pkg.type === 'module' ? 'module' : 'commonjs';
}

// 'esm', 'cjs', 'json' or 'wasm' for a file, as Node decides.
function formatOf(filename) {
  const ext = path.extname(filename);
  if (ext === '.mjs') return 'esm';
  if (ext === '.cjs') return 'cjs';
  if (ext === '.json') return 'json';
  if (ext === '.js' || ext === '') {
    return packageType(filename) === 'module' && ext === '.js' ? 'esm' :
      ext === '' && packageType(filename) === 'module' ? 'unknown' : 'cjs';
  }
  return 'unknown';
}

function isEsmFile(filename) {
  return formatOf(filename) === 'esm';
}

// --- resolution ------------------------------------------------------------------

function notFound(what, request, parentPath) {
  return codedError(Error, 'ERR_MODULE_NOT_FOUND',
    `Cannot find ${what} '${request}' imported from ${parentPath}`);
}

function checkFile(file, parentPath, spec) {
  const kind = cjs.statKind(file);
  if (kind === 1) return cjs.realpath(file);
  if (kind === 2) {
    const shown = spec !== undefined && spec.endsWith('/') ? `${file}/` : file;
    const err = codedError(Error, 'ERR_UNSUPPORTED_DIR_IMPORT',
      `Directory import '${shown}' is not supported resolving ES modules ` +
      `imported from ${parentPath}`);
    if (spec !== undefined && cjs.statKind(path.join(file, 'index.js')) === 1) {
      err.message += '\nDid you mean to import ' +
        `"${spec.replace(/\/+$/, '')}/index.js"?`;
    }
    err.url = fileURL(file);
    throw err;
  }
  const err = notFound('module', file, parentPath);
  for (const ext of ['.js']) {
    if (cjs.statKind(file + ext) === 1 && spec !== undefined) {
      err.message += `\nDid you mean to import "${spec}${ext}"?`;
      break;
    }
  }
  err.url = fileURL(file);
  throw err;
}

function exportsError(subpath, pkgFile, parentPath) {
  if (subpath === '.') {
    return codedError(Error, 'ERR_PACKAGE_PATH_NOT_EXPORTED',
      `No "exports" main defined in ${pkgFile} imported from ${parentPath}`);
  }
  return codedError(Error, 'ERR_PACKAGE_PATH_NOT_EXPORTED',
    `Package subpath '${subpath}' is not defined by "exports" in ` +
    `${pkgFile} imported from ${parentPath}`);
}

function resolvePackageExports(pkgDir, pkg, subpath, parentPath) {
  let exp = pkg.exports;
  const keys = exp !== null && typeof exp === 'object' && !Array.isArray(exp) ?
    Object.keys(exp) : [];
  if (typeof exp === 'string' || Array.isArray(exp) ||
      !keys.some((k) => k.startsWith('.'))) {
    exp = { '.': exp };
  }
  const r = cjs.matchMap(exp, subpath, pkgDir, pkg.__file, false, CONDITIONS);
  if (r === undefined || r === null || r.file === undefined) {
    throw exportsError(subpath, pkg.__file, parentPath);
  }
  return checkFile(r.file, parentPath);
}

// A package's main without "exports": "main", then index.js.
function legacyMain(pkgDir, pkg, parentPath, name) {
  if (pkg && typeof pkg.main === 'string') {
    const main = path.resolve(pkgDir, pkg.main);
    for (const c of [main, main + '.js', main + '.json', main + '.node',
      path.join(main, 'index.js'), path.join(main, 'index.json')]) {
      if (cjs.statKind(c) === 1) return cjs.realpath(c);
    }
  }
  const index = path.join(pkgDir, 'index.js');
  if (cjs.statKind(index) === 1) return cjs.realpath(index);
  throw notFound('module', pkgDir, parentPath);
}

function splitPackage(spec, parentPath) {
  const parts = spec.split('/');
  const n = spec.startsWith('@') ? 2 : 1;
  const name = parts.slice(0, n).join('/');
  if (name === '' || (spec.startsWith('@') && parts.length < 2) ||
      name.startsWith('.') || name.includes('\\') || name.includes('%')) {
    throw codedError(TypeError, 'ERR_INVALID_MODULE_SPECIFIER',
      `Invalid module "${spec}" is not a valid package name imported from ` +
      parentPath);
  }
  const rest = parts.slice(n).join('/');
  return { name, subpath: rest ? `./${rest}` : '.' };
}

function resolvePackage(spec, parentPath) {
  if (spec === '') throw notFound('package', '', parentPath);
  const { name, subpath } = splitPackage(spec, parentPath);
  // Self-reference through the package's own "exports".
  const scope = cjs.packageScope(parentPath);
  if (scope && scope.pkg.name === name && scope.pkg.exports !== undefined &&
      scope.pkg.exports !== null) {
    return resolvePackageExports(scope.dir, scope.pkg, subpath, parentPath);
  }
  let dir = path.dirname(parentPath);
  for (;;) {
    if (path.basename(dir) !== 'node_modules') {
      const pkgDir = path.join(dir, 'node_modules', name);
      if (cjs.statKind(pkgDir) === 2) {
        const pkg = cjs.readPackage(pkgDir);
        if (pkg && pkg.exports !== undefined && pkg.exports !== null) {
          return resolvePackageExports(pkgDir, pkg, subpath, parentPath);
        }
        if (subpath === '.') return legacyMain(pkgDir, pkg, parentPath, name);
        return checkFile(path.join(pkgDir, subpath), parentPath);
      }
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw notFound('package', name, parentPath);
}

function resolveImports(spec, parentPath) {
  const scope = cjs.packageScope(parentPath);
  if (spec === '#' || spec.startsWith('#/')) {
    throw codedError(TypeError, 'ERR_INVALID_MODULE_SPECIFIER',
      `Invalid module "${spec}" is not a valid internal imports specifier ` +
      `name imported from ${parentPath}`);
  }
  if (scope && scope.pkg.imports && typeof scope.pkg.imports === 'object') {
    const r = cjs.matchMap(scope.pkg.imports, spec, scope.dir,
      scope.pkg.__file, true, CONDITIONS);
    if (r && r.bare) return resolve(r.bare, parentPath);
    if (r && r.file) return { url: fileURL(checkFile(r.file, parentPath)) };
  }
  throw codedError(TypeError, 'ERR_PACKAGE_IMPORT_NOT_DEFINED',
    `Package import specifier "${spec}" is not defined` +
    (scope ? ` in package ${scope.pkg.__file}` : '') +
    ` imported from ${parentPath}`);
}

// Resolve a specifier from a parent file: { url } (file: or node:).
function resolve(spec, parentPath) {
  if (typeof spec !== 'string') spec = String(spec);
  if (spec.startsWith('node:')) {
    if (cjs.isBuiltin(spec)) return { url: spec };
    throw codedError(Error, 'ERR_UNKNOWN_BUILTIN_MODULE',
      `No such built-in module: ${spec}`);
  }
  if (spec.startsWith('file:')) {
    return { url: fileURL(checkFile(urlToPath(spec), parentPath)) };
  }
  if (spec.startsWith('/') || spec.startsWith('./') || spec.startsWith('../') ||
      spec === '.' || spec === '..') {
    const file = path.resolve(path.dirname(parentPath), spec);
    return { url: fileURL(checkFile(file, parentPath, spec)) };
  }
  if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(spec)) {
    throw codedError(Error, 'ERR_UNSUPPORTED_ESM_URL_SCHEME',
      'Only URLs with a scheme in: file, data, and node are supported by ' +
      'the default ESM loader. Received protocol ' +
      `'${spec.slice(0, spec.indexOf(':') + 1)}'`);
  }
  if (cjs.isBuiltin(spec)) return { url: `node:${spec}` };
  if (spec.startsWith('#')) return resolveImports(spec, parentPath);
  return { url: fileURL(resolvePackage(spec, parentPath)) };
}

// --- module records ---------------------------------------------------------------

// url -> record.  A record: { url, filename, format, status, getters
// (export name -> getter), requests (from the transform), deps (records,
// in request order), gen (the module's generator), tla, namespace }.
const registry = new Map();

function literal(raw) {
  if (raw === undefined || raw === null) return raw;
  if (raw[0] === '"' || raw[0] === '\'') {
    if (!raw.includes('\\')) return raw.slice(1, -1);
    return (0, eval)(raw);
  }
  // An identifier's \u escapes mean in a string what they mean in a name.
  return raw.includes('\\') ? (0, eval)(`"${raw}"`) : raw;
}

function newRecord(url, format) {
  const rec = {
    url,
    filename: url.startsWith('file:') ? urlToPath(url) : url,
    format,
    status: 'new',
    getters: Object.create(null),
    requests: [],
    deps: [],
    gen: null,
    body: null,
    tla: false,
    namespace: undefined,
    exportsValue: undefined,
    names: null,
    promise: undefined,
    error: undefined,
    hasDefaultFn: false,
  };
  registry.set(url, rec);
  return rec;
}

function readSource(filename) {
  return binding.readFileUtf8(filename);
}

const WRAPPER_PARAMS = ['__nd_w', '__nd_m', '__nd_i', '__nd_meta__'];
// What binding.compileFunction puts before the body on line 1.
const WRAPPER_HEAD = `(function __nodec_top_level__(${WRAPPER_PARAMS}) {`.length;

function makeMeta(rec) {
  const meta = Object.create(null);
  meta.dirname = path.dirname(rec.filename);
  meta.filename = rec.filename;
  // Paths and URLs resolve without looking at the disk, as in Node;
  // packages and imports resolve in full.
  meta.resolve = function resolveMeta(spec) {
    spec = String(spec);
    if (spec.startsWith('node:')) return spec;
    if (spec.startsWith('file:')) return spec;
    if (spec.startsWith('/') || spec.startsWith('./') ||
        spec.startsWith('../') || spec === '.' || spec === '..') {
      const file = path.resolve(path.dirname(rec.filename), spec);
      return fileURL(spec.endsWith('/') ? `${file}/` : file);
    }
    return resolve(spec, rec.filename).url;
  };
  meta.url = rec.url;
  return meta;
}

// Transform and compile a module: from its file (source undefined), or
// from source text (-e, stdin).
function compileModule(rec, source) {
  let out;
  let fn;
  if (source === undefined) {
    out = binding.esmCompileFile(rec.filename, rec.url);
  } else {
    out = binding.esmTransform(source);
    if (out[0] !== null) {
      try {
        out[0] = binding.compileFunction(out[0], rec.url, WRAPPER_PARAMS);
      } catch (e) {
        // The engine counts the wrapper's columns on line 1.
        if (e !== null && typeof e === 'object' && e.line === 1 &&
            typeof e.column === 'number') {
          e.column = Math.max(1, e.column - WRAPPER_HEAD - out[2]);
        }
        throw e;
      }
    }
  }
  if (out[0] === null) {
    throw syntaxError(out[1], rec.url, out[2], out[3]);
  }
  fn = out[0];
  const meta = JSON.parse(out[1]);
  rec.tla = meta.tla === 1;
  rec.requests = meta.r.map((r) => ({
    specifier: literal(r.s),
    type: r.t === null ? undefined : literal(r.t),
    imports: r.i.map(([a, b]) => [literal(a), literal(b)]),
    reexports: r.x.map(([a, b]) => [literal(a), literal(b)]),
    star: r.star === 1,
  }));
  const seen = new Set();
  for (const [exported] of meta.e) {
    const name = literal(exported);
    if (seen.has(name)) {
      throw syntaxError(`Duplicate export of '${name}'`, rec.url, 1, 1);
    }
    seen.add(name);
  }
  for (const r of rec.requests) {
    for (const [, exported] of r.reexports) {
      if (seen.has(exported)) {
        throw syntaxError(`Duplicate export of '${exported}'`, rec.url, 1, 1);
      }
      seen.add(exported);
    }
  }
  rec.scope = Object.create(null);
  const importFn = (spec, options) => dynamicImport(spec, rec.filename, options);
  if (rec.tla) {
    // The async body hands over its getters only when it starts: until
    // then each export reads as a binding not yet initialized.
    const live = Object.create(null);
    for (const [exported] of meta.e) {
      const name = literal(exported);
      rec.getters[name] = () => {
        if (live[name] === undefined) {
          throw new ReferenceError(`Cannot access '${name}' before ` +
            'initialization');
        }
        return live[name]();
      };
    }
    const hooks = {
      x(getters) {
        for (const name of Object.keys(getters)) live[name] = getters[name];
      },
    };
    rec.body = fn(rec.scope, hooks, importFn, makeMeta(rec));
  } else {
    const hooks = {
      x(getters) {
        for (const name of Object.keys(getters)) rec.getters[name] = getters[name];
      },
    };
    rec.gen = fn(rec.scope, hooks, importFn, makeMeta(rec))();
  }
}

// The record for a resolved url, loaded (source read, transformed,
// compiled) but not linked.
function load(url, type, parentPath, specifier) {
  let rec = registry.get(url);
  if (url.startsWith('node:')) {
    if (rec === undefined) rec = newRecord(url, 'builtin');
    return checkType(rec, type);
  }
  if (rec !== undefined) return checkType(rec, type);
  const filename = urlToPath(url);
  const format = formatOf(filename);
  if (format === 'unknown') {
    throw codedError(TypeError, 'ERR_UNKNOWN_FILE_EXTENSION',
      `Unknown file extension "${path.extname(filename)}" for ${filename}`);
  }
  if (format === 'json' && type !== 'json') {
    checkTypeValue(type);
    throw codedError(TypeError, 'ERR_IMPORT_ASSERTION_TYPE_MISSING',
      `Module "${url}" needs an import attribute of type "json"`);
  }
  rec = newRecord(url, format);
  try {
    if (format === 'esm') {
      compileModule(rec, undefined);
    } else if (format === 'json') {
      // Through require()'s cache: Node gives both the same object.
      rec.exportsValue = cjs.requireFromEsm(filename);
      rec.names = ['default'];
    } else {
      rec.names = cjsNames(filename, new Set());
    }
  } catch (e) {
    registry.delete(url);
    throw e;
  }
  return checkType(rec, type);
}

function checkTypeValue(type) {
  if (type !== undefined && type !== 'json') {
    throw codedError(TypeError, 'ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED',
      `Import attribute type "${type}" is unsupported`);
  }
}

function checkType(rec, type) {
  checkTypeValue(type);
  if (type === 'json' && rec.format !== 'json') {
    throw codedError(TypeError, 'ERR_IMPORT_ASSERTION_TYPE_FAILED',
      `Module "${rec.url}" is not of type "json"`);
  }
  if (type === undefined && rec.format === 'json') {
    throw codedError(TypeError, 'ERR_IMPORT_ASSERTION_TYPE_MISSING',
      `Module "${rec.url}" needs an import attribute of type "json"`);
  }
  return rec;
}

// The names a CommonJS file exports, found statically, with re-exports
// of require()d files followed.
function cjsNames(filename, seen) {
  const names = new Set();
  if (seen.has(filename)) return names;
  seen.add(filename);
  let meta;
  try {
    meta = JSON.parse(binding.cjsExports(readSource(filename)));
  } catch {
    return names;
  }
  for (const e of meta.e) names.add(literal(e));
  for (const r of meta.re) {
    try {
      const target = cjs.resolveFilename(literal(r), fakeParent(filename));
      if (!cjs.isBuiltin(target) && formatOf(target) === 'cjs') {
        for (const n of cjsNames(target, seen)) names.add(n);
      }
    } catch {
      // An unresolvable re-export contributes nothing, as in Node.
    }
  }
  names.delete('default');
  return [...names];
}

function fakeParent(filename) {
  return { filename, paths: cjs.Module._nodeModulePaths(path.dirname(filename)) };
}

// --- linking ----------------------------------------------------------------------

// Load the whole graph under rec (depth first), then instantiate it.
function loadGraph(rec, fresh) {
  if (rec.status !== 'new') return;
  rec.status = 'loading';
  fresh.push(rec);
  if (rec.format !== 'esm') return;
  for (const req of rec.requests) {
    const { url } = resolve(req.specifier, rec.filename);
    const dep = load(url, req.type, rec.filename, req.specifier);
    rec.deps.push(dep);
    loadGraph(dep, fresh);
  }
}

function link(root) {
  const fresh = [];
  try {
    loadGraph(root, fresh);
    // Every module's own export getters first (their function
    // declarations exist from here on), then the imports, which may
    // reach any module of the graph.
    for (const rec of fresh) {
      if (rec.gen !== null) rec.gen.next();
    }
    for (const rec of fresh) {
      if (rec.format === 'esm') bindImports(rec);
      rec.status = 'linked';
    }
  } catch (e) {
    for (const rec of fresh) registry.delete(rec.url);
    throw e;
  }
}

function bindImports(rec) {
  rec.requests.forEach((req, i) => {
    const dep = rec.deps[i];
    for (const [imported, local] of req.imports) {
      let get;
      if (imported === '*') {
        get = () => namespaceOf(dep);
      } else {
        get = resolveExport(dep, imported, new Set());
        if (get === null && dep.format === 'cjs') {
          throw syntaxError(`Named export '${imported}' not found. The ` +
            `requested module '${req.specifier}' is a CommonJS module, ` +
            'which may not support all module.exports as named exports.\n' +
            'CommonJS modules can always be imported via the default ' +
            'export, for example using:\n\n' +
            `import pkg from '${req.specifier}';\n` +
            `const { ${imported} } = pkg;\n`);
        }
        if (get === null || get === 'ambiguous') {
          throw syntaxError(`The requested module '${req.specifier}' ` +
            (get === null ? `does not provide an export named '${imported}'` :
              `contains conflicting star exports for name '${imported}'`));
        }
      }
      Object.defineProperty(rec.scope, local, {
        get, enumerable: true, configurable: false,
      });
    }
  });
}

// A getter for module rec's export `name`; null if none, 'ambiguous' if
// two `export *` provide it.
function resolveExport(rec, name, seen) {
  if (rec.format !== 'esm') {
    if (!exportNames(rec).includes(name)) return null;
    if (rec.format === 'builtin') {
      // Looked up once: a getter on a hot path must stay cheap.
      const m = builtinExports(rec);
      return name === 'default' ? () => m : () => m[name];
    }
    return () => foreignValue(rec, name);
  }
  const key = `${rec.url}\0${name}`;
  if (seen.has(key)) return null;
  seen.add(key);
  if (Object.prototype.hasOwnProperty.call(rec.getters, name)) {
    return rec.getters[name];
  }
  for (let i = 0; i < rec.requests.length; i++) {
    for (const [imported, exported] of rec.requests[i].reexports) {
      if (exported !== name) continue;
      const dep = rec.deps[i];
      if (imported === '*') return () => namespaceOf(dep);
      return resolveExport(dep, imported, seen);
    }
  }
  if (name === 'default') return null;
  let found = null;
  let foundFrom = null;
  for (let i = 0; i < rec.requests.length; i++) {
    if (!rec.requests[i].star) continue;
    const g = resolveExport(rec.deps[i], name, seen);
    if (g === 'ambiguous') return g;
    if (g !== null) {
      const origin = originOf(rec.deps[i], name);
      if (found !== null && origin !== foundFrom) return 'ambiguous';
      found = g;
      foundFrom = origin;
    }
  }
  return found;
}

// Which module and local binding an export finally comes from (to tell
// two routes to one binding from a real conflict).
function originOf(rec, name, depth = 0) {
  if (depth > 100 || rec.format !== 'esm') return `${rec.url}\0${name}`;
  if (Object.prototype.hasOwnProperty.call(rec.getters, name)) {
    return `${rec.url}\0${name}`;
  }
  for (let i = 0; i < rec.requests.length; i++) {
    for (const [imported, exported] of rec.requests[i].reexports) {
      if (exported === name) {
        return imported === '*' ? `${rec.deps[i].url}\0*` :
          originOf(rec.deps[i], imported, depth + 1);
      }
    }
  }
  for (let i = 0; i < rec.requests.length; i++) {
    if (rec.requests[i].star && name !== 'default' &&
        exportNames(rec.deps[i]).includes(name)) {
      return originOf(rec.deps[i], name, depth + 1);
    }
  }
  return `${rec.url}\0${name}`;
}

// A module's export names (sorted, as a namespace lists them).
function exportNames(rec, seen = new Set()) {
  if (rec.names !== null && rec.format !== 'builtin') {
    return rec.format === 'cjs' ? ['default', ...rec.names] : rec.names;
  }
  if (rec.format === 'builtin') {
    const m = builtinExports(rec);
    rec.names = ['default', ...Object.keys(m).filter((k) => k !== 'default')];
    return rec.names;
  }
  if (seen.has(rec)) return [];
  seen.add(rec);
  const names = new Set(Object.keys(rec.getters));
  rec.requests.forEach((req, i) => {
    for (const [, exported] of req.reexports) names.add(exported);
  });
  rec.requests.forEach((req, i) => {
    if (!req.star) return;
    for (const n of exportNames(rec.deps[i], seen)) {
      if (n === 'default' || names.has(n)) continue;
      const g = resolveExport(rec, n, new Set());
      if (g !== null && g !== 'ambiguous') names.add(n);
    }
  });
  const list = [...names].sort();
  if (rec.status === 'linked' || rec.status === 'evaluated') rec.names = list;
  return list;
}

function builtinExports(rec) {
  const name = rec.url.slice(5);
  return name === 'module' ? cjs.Module : requireBuiltin(name);
}

// The value of an export of a CommonJS, JSON or built-in module.
function foreignValue(rec, name) {
  if (rec.format === 'builtin') {
    const m = builtinExports(rec);
    return name === 'default' ? m : m[name];
  }
  if (rec.status !== 'evaluated') {
    throw new ReferenceError(`Cannot access '${name}' before initialization`);
  }
  const v = rec.exportsValue;
  if (name === 'default') return v;
  return rec.snapshot !== undefined ? rec.snapshot[name] : undefined;
}

// --- namespaces ----------------------------------------------------------------

function namespaceOf(rec) {
  if (rec.namespace !== undefined) return rec.namespace;
  const names = exportNames(rec);
  const getters = Object.create(null);
  for (const n of names) {
    const g = rec.format === 'esm' ? resolveExport(rec, n, new Set()) :
      () => foreignValue(rec, n);
    if (typeof g === 'function') getters[n] = g;
  }
  // The target holds the keys (non-configurable, writable: a sealed
  // object); the proxy reads every value live through the getters.
  const target = Object.create(null);
  for (const n of Object.keys(getters).sort()) {
    Object.defineProperty(target, n, {
      value: undefined, writable: true, enumerable: true, configurable: false,
    });
  }
  Object.defineProperty(target, Symbol.toStringTag, {
    value: 'Module', writable: false, enumerable: false, configurable: false,
  });
  Object.preventExtensions(target);
  const read = (key) => {
    const g = getters[key];
    return g();
  };
  const ns = new Proxy(target, {
    get(t, key) {
      if (typeof key === 'string' && key in getters) return read(key);
      return t[key];
    },
    getOwnPropertyDescriptor(t, key) {
      if (typeof key === 'string' && key in getters) {
        return { value: read(key), writable: true, enumerable: true,
          configurable: false };
      }
      return Object.getOwnPropertyDescriptor(t, key);
    },
    set() {
      return false;
    },
    defineProperty() {
      return false;
    },
    deleteProperty(t, key) {
      return !(key in t);
    },
    setPrototypeOf(t, proto) {
      return proto === null;
    },
  });
  rec.namespace = ns;
  return ns;
}

// --- evaluation -------------------------------------------------------------------

function fixDefaultName(rec) {
  const g = rec.getters.default;
  if (g === undefined) return;
  let v;
  try {
    v = g();
  } catch {
    return;
  }
  if (typeof v === 'function' && v.name === '__nodec_d') {
    Object.defineProperty(v, 'name', { value: 'default', configurable: true });
  }
}

function runBody(rec) {
  if (rec.format === 'esm') {
    if (rec.tla) return rec.body().then(() => fixDefaultName(rec));
    fixDefaultName(rec);
    rec.gen.next();
    fixDefaultName(rec);
    return undefined;
  }
  if (rec.format === 'cjs') {
    // Named exports are what module.exports held when the file finished.
    const v = cjs.requireFromEsm(rec.filename);
    rec.exportsValue = v;
    rec.snapshot = Object.create(null);
    if (v !== null && (typeof v === 'object' || typeof v === 'function')) {
      for (const n of rec.names) rec.snapshot[n] = v[n];
    }
  }
  return undefined;
}

function failed(rec, e) {
  rec.status = 'errored';
  rec.error = e;
}

// Evaluate rec after its dependencies, in Node's order: undefined when
// done, or a promise when rec or a dependency awaits.
function evaluate(rec) {
  switch (rec.status) {
    case 'evaluated':
    case 'evaluating':
      return rec.promise;
    case 'errored':
      throw rec.error;
    default:
      break;
  }
  rec.status = 'evaluating';
  try {
    const waits = [];
    for (const dep of rec.deps) {
      const p = evaluate(dep);
      if (p !== undefined) waits.push(p);
    }
    if (waits.length > 0) {
      rec.promise = Promise.all(waits).then(() => runBody(rec));
    } else {
      rec.promise = runBody(rec);
    }
    if (rec.promise !== undefined) {
      rec.promise = rec.promise.then(() => {
        rec.status = 'evaluated';
      }, (e) => {
        failed(rec, e);
        throw e;
      });
    } else {
      rec.status = 'evaluated';
    }
    return rec.promise;
  } catch (e) {
    failed(rec, e);
    throw e;
  }
}

function usesTla(rec, seen = new Set()) {
  if (seen.has(rec) || rec.format !== 'esm') return false;
  seen.add(rec);
  if (rec.tla && rec.status !== 'evaluated') return true;
  return rec.deps.some((d) => usesTla(d, seen));
}

// --- entry points -------------------------------------------------------------------

function importURL(url, type) {
  const rec = load(url, type);
  link(rec);
  return rec;
}

function dynamicImport(spec, parentPath, options) {
  return new Promise((resolvePromise, reject) => {
    let type;
    if (options !== undefined && options !== null) {
      const attrs = options.with !== undefined ? options.with : options.assert;
      if (attrs !== undefined && attrs !== null) type = attrs.type;
    }
    const rec = importURL(resolve(spec, parentPath).url, type);
    const p = evaluate(rec);
    if (p === undefined) {
      resolvePromise(namespaceOf(rec));
    } else {
      p.then(() => resolvePromise(namespaceOf(rec)), reject);
    }
  });
}

// import() from CommonJS and from -e: relative to the file (or the cwd).
function importFrom(filename) {
  return (spec, options) => dynamicImport(spec, filename, options);
}

// require() of an ES module: its namespace, if the graph never awaits.
function requireModule(filename, parent) {
  const url = fileURL(filename);
  const rec = load(url, undefined);
  if (rec.status === 'evaluating' && rec.promise === undefined &&
      rec.gen !== null) {
    // A cycle back into a module that is being evaluated.
    return namespaceOf(rec);
  }
  link(rec);
  if (usesTla(rec)) {
    const from = parent && parent.filename ? parent.filename : '.';
    throw codedError(Error, 'ERR_REQUIRE_ASYNC_MODULE',
      'require() cannot be used on an ESM graph with top-level await. Use ' +
      'import() instead. To see where the top-level await comes from, use ' +
      `--experimental-print-required-tla.\n  From ${from} \n  Requiring ` +
      `${filename} `);
  }
  evaluate(rec);
  return namespaceOf(rec);
}

let mainPending = false;

function runMain(filename) {
  const rec = importURL(fileURL(filename), undefined);
  // Node runs the entry module from a promise job: process.nextTick
  // callbacks it queues run after its promise reactions.
  const p = Promise.resolve().then(() => evaluate(rec));
  {
    mainPending = true;
    p.then(() => {
      mainPending = false;
    }, (e) => {
      mainPending = false;
      throw e;
    });
    process.once('exit', (code) => {
      // Node 20 exits with 13, silently, when the entry's top-level
      // await can never settle.
      if (mainPending && code === 0) process.exitCode = 13;
    });
  }
}

// --input-type=module: the source as a module in the cwd.
function runEvalModule(source, name) {
  const url = fileURL(path.join(process.cwd(), name));
  registry.delete(url);
  const rec = newRecord(url, 'esm');
  compileModule(rec, source);
  rec.filename = path.join(process.cwd(), name);
  link(rec);
  return evaluate(rec);
}

module.exports = {
  init,
  isEsmFile,
  formatOf,
  fileURL,
  resolve,
  runMain,
  runEvalModule,
  requireModule,
  importFrom,
  dynamicImport,
};
