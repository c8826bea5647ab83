// internal/modules/cjs - CommonJS: Node's module objects, its resolution
// algorithm (core modules, relative and absolute paths with extension and
// directory probing, node_modules, package.json "main", "exports" and
// "imports" with conditions and patterns, NODE_PATH, self-reference), the
// cache, and the .js and .json loaders.
'use strict';

// The POSIX path operations the loader needs, here rather than through
// node:path, whose 27 KB (win32 included) most programs never load.
const path = {
  isAbsolute: (p) => p.charCodeAt(0) === 47,
  normalize(p) {
    const abs = p.charCodeAt(0) === 47;
    const out = [];
    for (const seg of p.split('/')) {
      if (seg === '' || seg === '.') continue;
      if (seg === '..') {
        if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
        else if (!abs) out.push('..');
      } else {
        out.push(seg);
      }
    }
    let r = (abs ? '/' : '') + out.join('/');
    if (r === '') r = abs ? '/' : '.';
    if (p.length > 1 && p.charCodeAt(p.length - 1) === 47 && r !== '/') r += '/';
    return r;
  },
  join(...parts) {
    const joined = parts.filter((x) => x !== '').join('/');
    return joined === '' ? '.' : path.normalize(joined);
  },
  resolve(...parts) {
    let r = '';
    for (let i = parts.length - 1; i >= 0 && r.charCodeAt(0) !== 47; i--) {
      if (parts[i] !== '') r = r === '' ? parts[i] : `${parts[i]}/${r}`;
    }
    if (r.charCodeAt(0) !== 47) r = r === '' ? process.cwd() : `${process.cwd()}/${r}`;
    r = path.normalize(r);
    return r.length > 1 && r.endsWith('/') ? r.slice(0, -1) : r;
  },
  dirname(p) {
    let end = -1;
    let matchedSlash = true;
    for (let i = p.length - 1; i >= 1; i--) {
      if (p.charCodeAt(i) === 47) {
        if (!matchedSlash) { end = i; break; }
      } else {
        matchedSlash = false;
      }
    }
    const root = p.charCodeAt(0) === 47;
    if (end === -1) return root ? '/' : '.';
    return root && end === 1 ? '//' : p.slice(0, end);
  },
  basename(p) {
    let end = p.length;
    while (end > 1 && p.charCodeAt(end - 1) === 47) end--;
    const s = p.slice(0, end);
    return end === 1 && s === '/' ? '' : s.slice(s.lastIndexOf('/') + 1);
  },
};

let requireBuiltin;
let binding;

const CONDITIONS = ['require', 'node', 'node-addons', 'default'];
const EXTENSIONS = ['.js', '.json', '.node'];

function init(req, b) {
  requireBuiltin = req;
  binding = b;
  globalPaths();
}

// ES modules (internal/modules/esm), loaded when a program first uses one.
let esmLoader;
function esm() {
  if (esmLoader === undefined) {
    esmLoader = requireBuiltin('internal/modules/esm');
    esmLoader.init(requireBuiltin, binding, module.exports);
  }
  return esmLoader;
}

// Is this file an ES module (.mjs, or .js under "type": "module")?
function isEsm(filename) {
  if (filename.endsWith('.mjs')) return true;
  if (!filename.endsWith('.js')) return false;
  const scope = packageScope(filename);
  return scope !== null && scope.pkg.type === 'module';
}

// --- built-ins ---------------------------------------------------------------

let builtinList;
function builtinModules() {
  if (builtinList === undefined) {
    builtinList = binding.builtinNames()
      .filter((n) => !n.startsWith('internal/'))
      .sort();
  }
  return builtinList;
}

let builtinSet;
function isBuiltin(id) {
  if (typeof id !== 'string') return false;
  if (builtinSet === undefined) builtinSet = new Set(builtinModules());
  return builtinSet.has(id.startsWith('node:') ? id.slice(5) : id);
}

// --- errors --------------------------------------------------------------------

function notFound(request, parent) {
  const stack = [];
  for (let m = parent; m; m = m.parent) {
    if (m.filename || m.id) stack.push(m.filename || m.id);
  }
  let msg = `Cannot find module '${request}'`;
  if (stack.length > 0) msg += `\nRequire stack:\n- ${stack.join('\n- ')}`;
  const err = new Error(msg);
  err.code = 'MODULE_NOT_FOUND';
  err.requireStack = stack;
  return err;
}

function codedError(Base, code, msg) {
  const err = new Base(msg);
  err.code = code;
  return err;
}

// --- the file system, through the binding ------------------------------------------

const statCache = new Map();

function statKind(p) {
  let k = statCache.get(p);
  if (k === undefined) {
    k = binding.statKind(p);
    statCache.set(p, k);
  }
  return k;
}

// Real paths are looked up once per path, as Node does (its realpath
// cache lives as long as the process).
const realpathCache = new Map();
let preserveSymlinks;

function realpath(p) {
  if (preserveSymlinks === undefined) {
    preserveSymlinks = process.execArgv.includes('--preserve-symlinks');
  }
  if (preserveSymlinks) return p;
  let r = realpathCache.get(p);
  if (r === undefined) {
    try {
      r = binding.realpath(p);
    } catch {
      r = p;
    }
    realpathCache.set(p, r);
  }
  return r;
}

const packageCache = new Map();

function readPackage(dir) {
  const file = path.join(dir, 'package.json');
  if (packageCache.has(file)) return packageCache.get(file);
  let pkg = null;
  if (statKind(file) === 1) {
    const text = binding.readFileUtf8(file);
    try {
      pkg = JSON.parse(text);
    } catch (e) {
      e.path = file;
      e.message = `Error parsing ${file}: ${e.message}`;
      throw e;
    }
    if (pkg === null || typeof pkg !== 'object') pkg = {};
    pkg.__file = file;
  }
  packageCache.set(file, pkg);
  return pkg;
}

// The package.json that governs a file: the nearest one up the tree.
function packageScope(file) {
  let dir = path.dirname(file);
  for (;;) {
    if (path.basename(dir) === 'node_modules') return null;
    const pkg = readPackage(dir);
    if (pkg) return { dir, pkg };
    const up = path.dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

// --- probing ---------------------------------------------------------------------

function tryFile(p) {
  return statKind(p) === 1 ? realpath(p) : null;
}

function tryExtensions(p) {
  for (const ext of EXTENSIONS) {
    const f = tryFile(p + ext);
    if (f) return f;
  }
  return null;
}

function tryPackageMain(dir, request, parent) {
  const pkg = readPackage(dir);
  const main = pkg && typeof pkg.main === 'string' ? pkg.main : null;
  if (!main) return tryExtensions(path.join(dir, 'index'));
  const target = path.resolve(dir, main);
  const found = tryFile(target) || tryExtensions(target) ||
    tryExtensions(path.join(target, 'index'));
  if (found) return found;
  const index = tryExtensions(path.join(dir, 'index'));
  if (index) {
    process.emitWarning(`Invalid 'main' field in '${path.join(dir, 'package.json')}' ` +
      `of '${main}'. Please either fix that or report it to the module author`,
      'DeprecationWarning', 'DEP0128');
    return index;
  }
  const err = notFound(request, parent);
  err.message = `Cannot find module '${target}'. Please verify that the ` +
    `package.json has a valid "main" entry`;
  err.path = path.join(dir, 'package.json');
  err.requestPath = request;
  throw err;
}

// A path: the file, with an extension, or a directory's package or index.
function resolvePath(p, request, parent, trailingSlash) {
  if (!trailingSlash) {
    const f = tryFile(p) || tryExtensions(p);
    if (f) return f;
  }
  if (statKind(p) === 2) return tryPackageMain(p, request, parent);
  return null;
}

// --- "exports" and "imports" ---------------------------------------------------------

// require() names no importer in the message (import does).
function exportsNotDefined(subpath, pkgFile) {
  if (subpath === '.') {
    return codedError(Error, 'ERR_PACKAGE_PATH_NOT_EXPORTED',
      `No "exports" main defined in ${pkgFile}`);
  }
  return codedError(Error, 'ERR_PACKAGE_PATH_NOT_EXPORTED',
    `Package subpath '${subpath}' is not defined by "exports" in ${pkgFile}`);
}

function invalidTarget(target, key, pkgFile, internal) {
  return codedError(Error, 'ERR_INVALID_PACKAGE_TARGET',
    `Invalid "${internal ? 'imports' : 'exports'}" target ` +
    `${JSON.stringify(target)} defined for '${key}' in the package config ` +
    `${pkgFile}`);
}

// Resolve one target (string, array, or conditions object) to a path.
function resolveTarget(pkgDir, pkgFile, target, patternMatch, key, internal,
  conditions = CONDITIONS) {
  if (typeof target === 'string') {
    if (!target.startsWith('./')) {
      if (internal && !target.startsWith('../') && !target.startsWith('/')) {
        // A bare specifier in "imports": resolved as a package.
        const spec = patternMatch === null ? target :
          target.replaceAll('*', patternMatch);
        return { bare: spec };
      }
      throw invalidTarget(target, key, pkgFile, internal);
    }
    const resolved = patternMatch === null ? target :
      target.replaceAll('*', patternMatch);
    const segments = resolved.split(/[\\/]/).slice(1);
    if (segments.some((s) => s === '..' || s === 'node_modules')) {
      throw invalidTarget(target, key, pkgFile, internal);
    }
    return { file: path.join(pkgDir, resolved) };
  }
  if (Array.isArray(target)) {
    let lastErr;
    for (const t of target) {
      try {
        const r = resolveTarget(pkgDir, pkgFile, t, patternMatch, key, internal,
          conditions);
        if (r !== undefined) return r;
      } catch (e) {
        lastErr = e;
      }
    }
    if (lastErr) throw lastErr;
    return undefined;
  }
  if (target !== null && typeof target === 'object') {
    for (const cond of Object.keys(target)) {
      if (conditions.includes(cond)) {
        const r = resolveTarget(pkgDir, pkgFile, target[cond], patternMatch,
          key, internal, conditions);
        if (r !== undefined) return r;
      }
    }
    return undefined;
  }
  if (target === null) return null;
  throw invalidTarget(target, key, pkgFile, internal);
}

// Node's pattern order: the longest prefix before "*" wins.
function patternKeyCompare(a, b) {
  const ai = a.indexOf('*');
  const bi = b.indexOf('*');
  const al = ai === -1 ? a.length : ai + 1;
  const bl = bi === -1 ? b.length : bi + 1;
  if (al > bl) return -1;
  if (bl > al) return 1;
  if (ai === -1) return 1;
  if (bi === -1) return -1;
  if (a.length > b.length) return -1;
  if (b.length > a.length) return 1;
  return 0;
}

function matchMap(map, key, pkgDir, pkgFile, internal, conditions) {
  if (Object.prototype.hasOwnProperty.call(map, key) && !key.includes('*')) {
    return resolveTarget(pkgDir, pkgFile, map[key], null, key, internal,
      conditions);
  }
  let best = null;
  let bestMatch = null;
  for (const k of Object.keys(map)) {
    const star = k.indexOf('*');
    if (star === -1) continue;
    const prefix = k.slice(0, star);
    const suffix = k.slice(star + 1);
    if (key.startsWith(prefix) && key !== prefix &&
        key.length >= k.length && key.endsWith(suffix) &&
        (best === null || patternKeyCompare(best, k) === 1)) {
      best = k;
      bestMatch = key.slice(prefix.length, key.length - suffix.length);
    }
  }
  if (best === null) return undefined;
  return resolveTarget(pkgDir, pkgFile, map[best], bestMatch, best, internal,
    conditions);
}

function resolveExports(pkgDir, pkg, subpath, parent) {
  let exp = pkg.exports;
  const pkgFile = pkg.__file;
  const keys = exp !== null && typeof exp === 'object' && !Array.isArray(exp) ?
    Object.keys(exp) : [];
  const hasDotKeys = keys.some((k) => k.startsWith('.'));
  if (typeof exp === 'string' || Array.isArray(exp) || !hasDotKeys) {
    exp = { '.': exp };
  }
  const r = matchMap(exp, subpath, pkgDir, pkgFile, false);
  if (r === undefined || r === null || r.file === undefined) {
    throw exportsNotDefined(subpath, pkgFile);
  }
  const f = tryFile(r.file);
  if (f) return f;
  const err = notFound(r.file, parent);
  throw err;
}

function hasImports(parent) {
  const from = parent && parent.filename ? parent.filename :
    path.join(process.cwd(), 'x');
  const scope = packageScope(from);
  return scope !== null && scope !== undefined && scope.pkg.imports != null;
}

function resolveImports(request, parent) {
  const from = parent && parent.filename ? parent.filename :
    path.join(process.cwd(), 'x');
  const scope = packageScope(from);
  if (request === '#' || request.startsWith('#/')) {
    throw codedError(TypeError, 'ERR_INVALID_MODULE_SPECIFIER',
      `Invalid module "${request}" is not a valid internal imports ` +
      `specifier name imported from ${from}`);
  }
  if (scope && scope.pkg.imports && typeof scope.pkg.imports === 'object') {
    const r = matchMap(scope.pkg.imports, request, scope.dir,
      scope.pkg.__file, true);
    if (r && r.bare) return resolveFilename(r.bare, parent);
    if (r && r.file) {
      const f = tryFile(r.file);
      if (f) return f;
      throw notFound(r.file, parent);
    }
  }
  throw codedError(TypeError, 'ERR_PACKAGE_IMPORT_NOT_DEFINED',
    `Package import specifier "${request}" is not defined` +
    (scope ? ` in package ${scope.pkg.__file}` : '') +
    ` imported from ${from}`);
}

// --- node_modules --------------------------------------------------------------------

// module.paths of every module in a directory: computed once per
// directory, and each module gets its own copy, which it may change.
const modulePathsCache = new Map();

function nodeModulePaths(from) {
  let paths = modulePathsCache.get(from);
  if (paths === undefined) {
    paths = computeModulePaths(from);
    modulePathsCache.set(from, paths);
  }
  return paths.slice();
}

function computeModulePaths(from) {
  from = path.resolve(from);
  const paths = [];
  let dir = from;
  for (;;) {
    if (path.basename(dir) !== 'node_modules') {
      paths.push(path.join(dir, 'node_modules'));
    }
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return paths;
}

// Read once, at start-up, as Node does (Module.globalPaths).
let globalPathsAtStart;
function globalPaths() {
  if (globalPathsAtStart === undefined) {
    globalPathsAtStart = computeGlobalPaths();
    Module.globalPaths = globalPathsAtStart.slice();
  }
  return globalPathsAtStart;
}

function computeGlobalPaths() {
  const out = [];
  const np = process.env.NODE_PATH;
  if (np) out.push(...np.split(':').filter(Boolean).map((p) => path.resolve(p)));
  const home = process.env.HOME;
  if (home) {
    out.push(path.join(home, '.node_modules'), path.join(home, '.node_libraries'));
  }
  out.push(path.resolve(process.execPath, '..', '..', 'lib', 'node'));
  return out;
}

function splitPackage(request) {
  const parts = request.split('/');
  const n = request.startsWith('@') ? 2 : 1;
  return { name: parts.slice(0, n).join('/'), subpath: parts.slice(n).join('/') };
}

function resolveInDirs(request, dirs, parent) {
  const { name, subpath } = splitPackage(request);
  const trailingSlash = request.endsWith('/');
  for (const dir of dirs) {
    const pkgDir = path.join(dir, name);
    if (statKind(pkgDir) === 2) {
      const pkg = readPackage(pkgDir);
      if (pkg && pkg.exports !== undefined && pkg.exports !== null) {
        return resolveExports(pkgDir, pkg, subpath ? `./${subpath}` : '.',
          parent);
      }
    }
    const f = resolvePath(path.join(dir, request), request, parent,
      trailingSlash);
    if (f) return f;
  }
  return null;
}

// A package that names itself, from inside it, through its "exports".
function resolveSelf(request, parent) {
  if (!parent || !parent.filename) return null;
  const scope = packageScope(parent.filename);
  if (!scope || scope.pkg.exports === undefined || scope.pkg.exports === null ||
      typeof scope.pkg.name !== 'string') return null;
  const { name, subpath } = splitPackage(request);
  if (name !== scope.pkg.name) return null;
  return resolveExports(scope.dir, scope.pkg, subpath ? `./${subpath}` : '.',
    parent);
}

// --- resolution ------------------------------------------------------------------------

const relativeCache = new Map();

function resolveFilename(request, parent, options) {
  if (typeof request !== 'string') {
    const { codes } = requireBuiltin('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('id', 'string', request);
  }
  if (request === '') {
    throw codedError(TypeError, 'ERR_INVALID_ARG_VALUE',
      "The argument 'id' must be a non-empty string. Received ''");
  }
  // An unknown "node:" name is an ordinary missing module here (what
  // require.resolve reports); require() itself refuses it first, in load.
  if (request.startsWith('node:') && isBuiltin(request)) return request;

  if (isBuiltin(request)) return request;
  // "#name" goes through "imports" only when the package scope has that
  // field; otherwise it is an ordinary (missing) bare name, as in Node.
  if (request.startsWith('#') && hasImports(parent)) return resolveImports(request, parent);

  const base = parent && parent.filename ? path.dirname(parent.filename) :
    process.cwd();
  const relative = request === '.' || request === '..' ||
    request.startsWith('./') || request.startsWith('../') ||
    request.startsWith('/');

  if (relative) {
    // A relative request from a directory resolves the same way each time
    // (Node's Module._pathCache): found files are remembered.
    const key = options && options.paths ? undefined : `${base}\0${request}`;
    if (key !== undefined) {
      const hit = relativeCache.get(key);
      if (hit !== undefined) return hit;
    }
    const trailing = request.endsWith('/') || request === '.' || request === '..';
    const starts = options && options.paths ?
      options.paths.map((p) => path.resolve(base, p)) : [base];
    for (const start of starts) {
      const f = resolvePath(path.resolve(start, request), request, parent, trailing);
      if (f) {
        if (key !== undefined) relativeCache.set(key, f);
        return f;
      }
    }
    throw notFound(request, parent);
  }

  const self = resolveSelf(request, parent);
  if (self) return self;
  let dirs;
  if (options && options.paths) {
    dirs = [];
    for (const p of options.paths) dirs.push(...nodeModulePaths(path.resolve(p)));
  } else {
    dirs = parent && parent.paths ? parent.paths : nodeModulePaths(base);
  }
  const f = resolveInDirs(request, [...dirs, ...globalPaths()], parent);
  if (f) return f;
  throw notFound(request, parent);
}

// --- modules ----------------------------------------------------------------------------

class Module {
  constructor(id = '', parent) {
    this.id = id;
    this.path = path.dirname(id);
    this.exports = {};
    this.filename = null;
    this.loaded = false;
    this.children = [];
    this.paths = [];
    Object.defineProperty(this, 'parent', {
      value: parent, writable: true, enumerable: false, configurable: true,
    });
    if (parent && parent.children) parent.children.push(this);
  }

  require(id) {
    if (typeof id !== 'string') {
      const { codes } = requireBuiltin('internal/errors');
      throw new codes.ERR_INVALID_ARG_TYPE('id', 'string', id);
    }
    if (id === '') {
      throw codedError(TypeError, 'ERR_INVALID_ARG_VALUE',
        "The argument 'id' must be a non-empty string. Received ''");
    }
    return load(id, this, false);
  }

  load(filename) {
    this.filename = filename;
    this.paths = nodeModulePaths(path.dirname(filename));
    const ext = extensionOf(filename);
    Module._extensions[ext](this, filename);
    this.loaded = true;
  }

  _compile(content, filename) {
    const dirname = path.dirname(filename);
    const require = makeRequire(this);
    const { fn, dynamicImport } = compileWrapper(content, filename);
    if (dynamicImport) {
      return fn.call(this.exports, this.exports, require, this, filename,
        dirname, importFor(filename));
    }
    return fn.call(this.exports, this.exports, require, this, filename, dirname);
  }
}

const cache = Object.create(null);
Module._cache = cache;
Module._pathCache = Object.create(null);
Module._extensions = Object.create(null);
Module.globalPaths = [];
Module.Module = Module;
Module.wrapper = ['(function (exports, require, module, __filename, __dirname) { ',
  '\n});'];
Module.wrap = (script) => Module.wrapper[0] + script + Module.wrapper[1];
Module._nodeModulePaths = nodeModulePaths;
Module._resolveFilename = (request, parent, isMain, options) =>
  resolveFilename(request, parent, options);
Module._load = (request, parent, isMain) => load(request, parent, isMain);
Module.isBuiltin = isBuiltin;
Object.defineProperty(Module, 'builtinModules', {
  enumerable: true, configurable: true, get: builtinModules,
});
Module.createRequire = function createRequire(filename) {
  let file = filename;
  if (typeof file === 'object' && file !== null && file.href) file = file.pathname;
  if (typeof file === 'string' && file.startsWith('file://')) {
    file = decodeURIComponent(file.slice(7));
  }
  if (typeof file !== 'string' || !path.isAbsolute(file)) {
    const { codes } = requireBuiltin('internal/errors');
    throw new codes.ERR_INVALID_ARG_VALUE('filename', filename,
      'must be a file URL object, file URL string, or absolute path string');
  }
  // A directory (trailing slash) resolves from inside it, as Node's does.
  if (file.endsWith('/')) file = path.join(file, 'noop.js');
  const m = new Module(file, null);
  m.filename = file;
  m.paths = nodeModulePaths(path.dirname(file));
  return makeRequire(m);
};

function extensionOf(filename) {
  const base = path.basename(filename);
  let i = base.indexOf('.', 1);
  while (i !== -1) {
    const ext = base.slice(i);
    if (Module._extensions[ext]) return ext;
    i = base.indexOf('.', i + 1);
  }
  return '.js';
}

// The CommonJS wrapper, compiled so that line numbers are the file's own.
// JavaScriptCore's C API cannot run import() in a script: the transform
// turns it into __nd_i(), a sixth parameter of the wrapper only in the
// files that use it, so that everywhere else `arguments` is Node's five.
function compileWrapper(content, filename) {
  let dynamicImport = false;
  if (content.includes('import')) {
    const out = binding.esmScript(content);
    dynamicImport = out !== content && out.includes('__nd_i');
    content = out;
  }
  if (content.startsWith('#!')) {
    const nl = content.indexOf('\n');
    content = '//' + content.slice(2, nl === -1 ? content.length : nl) +
      (nl === -1 ? '' : content.slice(nl));
  }
  const params = ['exports', 'require', 'module', '__filename', '__dirname'];
  if (dynamicImport) params.push('__nd_i');
  // The engine counts line 1's columns from the start of the wrapper
  // "(function __nodec_top_level__(<params>) {" (see compileFunction).
  requireBuiltin('internal/errors/stack').registerSource(filename,
    '(function __nodec_top_level__('.length + params.join(',').length + ') {'.length);
  const fn = binding.compileFunction(content, filename, params);
  return { fn, dynamicImport };
}

// import() from a CommonJS file: made on first use.
function importFor(filename) {
  return (spec, options) => esm().importFrom(filename)(spec, options);
}

Module._extensions['.js'] = function loadJs(module, filename) {
  // require() of an ES module gives its namespace (Node 20.19 and later).
  if (isEsm(filename)) {
    module.exports = esm().requireModule(filename, module.parent);
    return;
  }
  module._compile(binding.readFileUtf8(filename), filename);
};

Module._extensions['.json'] = function loadJson(module, filename) {
  const text = binding.readFileUtf8(filename);
  try {
    module.exports = JSON.parse(text);
  } catch (err) {
    err.message = `${filename}: ${err.message}`;
    throw err;
  }
};

Module._extensions['.node'] = function loadAddon(module, filename) {
  throw codedError(Error, 'ERR_DLOPEN_FAILED',
    `Cannot load native addon ${filename}: nodec does not run Node-API ` +
    'or V8 addons');
};

function makeRequire(module) {
  const require = (id) => module.require(id);
  require.resolve = (request, options) => {
    if (typeof request !== 'string') {
      const { codes } = requireBuiltin('internal/errors');
      throw new codes.ERR_INVALID_ARG_TYPE('request', 'string', request);
    }
    return resolveFilename(request, module, options);
  };
  require.resolve.paths = (request) => {
    if (isBuiltin(request)) return null;
    if (request.startsWith('./') || request.startsWith('../') ||
        request === '.' || request === '..') {
      return [module.filename ? path.dirname(module.filename) : process.cwd()];
    }
    return [...nodeModulePaths(module.filename ? path.dirname(module.filename) :
      process.cwd()), ...globalPaths()];
  };
  require.main = mainModule;
  require.cache = cache;
  require.extensions = Module._extensions;
  return require;
}

let mainModule;

function loadBuiltin(id) {
  const name = id.startsWith('node:') ? id.slice(5) : id;
  if (name === 'module') return Module;
  return requireBuiltin(name);
}

function load(request, parent, isMain) {
  if (typeof request === 'string' && request.startsWith('node:') &&
      !isBuiltin(request)) {
    throw codedError(Error, 'ERR_UNKNOWN_BUILTIN_MODULE',
      `No such built-in module: ${request}`);
  }
  const filename = resolveFilename(request, parent);
  if (isBuiltin(filename)) return loadBuiltin(filename);
  const cached = cache[filename];
  if (cached !== undefined) {
    if (parent && parent.children && !parent.children.includes(cached)) {
      parent.children.push(cached);
    }
    return cached.exports;
  }
  const module = new Module(filename, parent);
  if (isMain) {
    module.id = '.';
    mainModule = module;
    process.mainModule = module;
  }
  cache[filename] = module;
  let ok = false;
  try {
    module.load(filename);
    ok = true;
  } finally {
    if (!ok) {
      delete cache[filename];
      if (parent && parent.children) {
        const i = parent.children.indexOf(module);
        if (i !== -1) parent.children.splice(i, 1);
      }
    }
  }
  return module.exports;
}

function runMain(file) {
  const resolved = path.resolve(file);
  let filename;
  try {
    filename = resolveFilename(resolved, null);
  } catch (err) {
    if (err.code === 'MODULE_NOT_FOUND') {
      err.message = `Cannot find module '${resolved}'`;
      err.requireStack = [];
    }
    throw err;
  }
  // Node keeps argv[1] as the path given, made absolute (not the file
  // the resolution found: `node app` leaves argv[1] without '.js').
  process.argv[1] = resolved;
  if (isEsm(filename)) {
    esm().runMain(filename);
    return;
  }
  load(filename, null, true);
}

// An ES module imports a CommonJS file: require() semantics, no parent.
function requireFromEsm(filename) {
  return load(filename, null, false);
}

function preload(id) {
  const parent = new Module('internal/preload', null);
  parent.paths = nodeModulePaths(process.cwd());
  parent.filename = path.join(process.cwd(), '[preload]');
  load(id, parent, false);
}

// -e, -p and stdin: a script in the global scope with require & co.
function runEval(source, name) {
  const module = new Module(name, null);
  module.filename = path.join(process.cwd(), name);
  module.paths = nodeModulePaths(process.cwd());
  if (process.execArgv.includes('--input-type=module')) {
    return esm().runEvalModule(source, name);
  }
  const req = makeRequire(module);
  // Like Node, a script from stdin runs exactly as -e code does: in the
  // global scope, with no require.main.
  globalThis.module = module;
  globalThis.exports = module.exports;
  globalThis.require = req;
  globalThis.__filename = name;
  globalThis.__dirname = '.';
  requireBuiltin('internal/errors/stack').registerSource(name, 0, source);
  if (source.includes('import')) {
    Object.defineProperty(globalThis, '__nd_i', {
      value: importFor(path.join(process.cwd(), name)), configurable: true,
      enumerable: false, writable: false,
    });
    source = binding.esmScript(source);
  }
  return binding.evaluateScript(source, name);
}

module.exports = {
  init,
  Module,
  runMain,
  runEval,
  preload,
  resolveFilename,
  // For internal/modules/esm:
  requireFromEsm,
  isBuiltin,
  packageScope,
  readPackage,
  statKind,
  realpath,
  matchMap,
};
