// internal/url/legacy - node:url's pre-WHATWG API: url.parse, url.format,
// url.resolve, url.resolveObject and the Url object.  None of this follows
// a standard; it follows what Node has always returned, quirks included
// (hosts cut at the first character that cannot be in one, '\' turned into
// '/' before the query, non-slashed protocols whose "host" is the first
// path segment when resolving), because programs depend on them.
'use strict';

const { codes } = require('internal/errors');
const querystring = require('querystring');
const { domainToASCII } = require('internal/url/parser');

// Protocols (with their colon) whose URLs never have a host, that always
// have '//' and a host, and that are never auto-escaped.
const hostless = new Set(['javascript', 'javascript:']);
const slashed = new Set(['http', 'http:', 'https', 'https:', 'ftp', 'ftp:',
  'gopher', 'gopher:', 'file', 'file:', 'ws', 'ws:', 'wss', 'wss:']);

const PROTOCOL = /^[a-z0-9.+-]+:/i;
const PORT = /:[0-9]*$/;
// A bare path (and query) with nothing else to look at.
const SIMPLE_PATH = /^(\/\/?(?!\/)[^?\s]*)(\?[^\s]*)?$/;
const FORBIDDEN_HOST = /[\0\t\n\r #%/:<>?@[\\\]^|]/;
const FORBIDDEN_HOST_IPV6 = /[\0\t\n\r #%/<>?@\\^|]/;

// What url.parse escapes in the part after the host.
const AUTO_ESCAPE = {
  '\t': '%09', '\n': '%0A', '\r': '%0D', ' ': '%20', '"': '%22',
  "'": '%27', '<': '%3C', '>': '%3E', '\\': '%5C', '^': '%5E',
  '`': '%60', '{': '%7B', '|': '%7C', '}': '%7D',
};
const AUTO_ESCAPE_RE = /[\t\n\r "'<>\\^`{|}]/g;

// What url.parse trims from both ends: C0 controls, space, NBSP, BOM.
function isTrimmed(c) {
  return c <= 0x20 || c === 0xa0 || c === 0xfeff;
}

function Url() {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
}

function isIPv6Hostname(h) {
  return h.charCodeAt(0) === 0x5b && h.charCodeAt(h.length - 1) === 0x5d;
}

function urlParse(url, parseQueryString, slashesDenoteHost) {
  if (url instanceof Url) return url;
  const u = new Url();
  u.parse(url, parseQueryString, slashesDenoteHost);
  return u;
}

Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
  if (typeof url !== 'string') {
    throw new codes.ERR_INVALID_ARG_TYPE('url', 'string', url);
  }

  // Trim, and turn backslashes into slashes up to the query or hash.
  let start = 0;
  let end = url.length;
  while (start < end && isTrimmed(url.charCodeAt(start))) start++;
  while (end > start && isTrimmed(url.charCodeAt(end - 1))) end--;
  let rest = url.slice(start, end);
  let cut = rest.length;
  for (let i = 0; i < rest.length; i++) {
    const c = rest.charCodeAt(i);
    if (c === 0x3f || c === 0x23) {
      cut = i;
      break;
    }
  }
  const hasHash = rest.indexOf('#') !== -1;
  if (rest.lastIndexOf('\\', cut) !== -1) {
    rest = rest.slice(0, cut).replace(/\\/g, '/') + rest.slice(cut);
  }

  if (!slashesDenoteHost && !hasHash) {
    const simple = SIMPLE_PATH.exec(rest);
    if (simple !== null) {
      this.path = rest;
      this.href = rest;
      this.pathname = simple[1];
      if (simple[2]) {
        this.search = simple[2];
        this.query = parseQueryString ?
          querystring.parse(this.search.slice(1)) : this.search.slice(1);
      } else if (parseQueryString) {
        this.search = null;
        this.query = { __proto__: null };
      }
      return this;
    }
  }

  let lowerProto;
  const proto = PROTOCOL.exec(rest);
  if (proto !== null) {
    lowerProto = proto[0].toLowerCase();
    this.protocol = lowerProto;
    rest = rest.slice(proto[0].length);
  }

  // '//' means a host follows when asked to, or after a protocol, or when
  // it reads like //user@host.
  let slashes;
  if (slashesDenoteHost || proto !== null || /^\/\/[^@/]+@[^@/]+/.test(rest)) {
    slashes = rest.charCodeAt(0) === 0x2f && rest.charCodeAt(1) === 0x2f;
    if (slashes && !(proto !== null && hostless.has(lowerProto))) {
      rest = rest.slice(2);
      this.slashes = true;
    }
  }

  if (!hostless.has(lowerProto) &&
      (slashes || (proto !== null && !slashed.has(proto[0])))) {
    // The host ends at the first '/', '?' or '#'; the last '@' before it
    // ends the auth; a character no host has ends the host early (and
    // starts the path), unless an '@' follows it.
    let hostEnd = -1;
    let atSign = -1;
    let nonHost = -1;
    for (let i = 0; i < rest.length; i++) {
      switch (rest.charCodeAt(i)) {
        // (Tabs and newlines are not among them: ToASCII drops them.)
        case 0x20: case 0x22: case 0x25:
        case 0x27: case 0x3b: case 0x3c: case 0x3e: case 0x5c: case 0x5e:
        case 0x60: case 0x7b: case 0x7c: case 0x7d:
          if (nonHost === -1) nonHost = i;
          break;
        case 0x23: case 0x2f: case 0x3f:
          if (nonHost === -1) nonHost = i;
          hostEnd = i;
          break;
        case 0x40:
          atSign = i;
          nonHost = -1;
          break;
      }
      if (hostEnd !== -1) break;
    }
    start = 0;
    if (atSign !== -1) {
      try {
        this.auth = decodeURIComponent(rest.slice(0, atSign));
      } catch {
        // V8's message, which is what programs see under Node.
        throw new URIError('URI malformed');
      }
      start = atSign + 1;
    }
    if (nonHost === -1) {
      this.host = rest.slice(start);
      rest = '';
    } else {
      this.host = rest.slice(start, nonHost);
      rest = rest.slice(nonHost);
    }

    this.parseHost();
    if (typeof this.hostname !== 'string') this.hostname = '';
    const hostname = this.hostname;
    const ipv6 = isIPv6Hostname(hostname);
    if (!ipv6) {
      // A '/', '\', '#', '?' or ':' left in the hostname starts the path.
      for (let i = 0; i < hostname.length; i++) {
        const c = hostname.charCodeAt(i);
        if (c === 0x2f || c === 0x5c || c === 0x23 || c === 0x3f || c === 0x3a) {
          this.hostname = hostname.slice(0, i);
          rest = `/${hostname.slice(i)}${rest}`;
          break;
        }
      }
    }

    if (this.hostname.length > 255) this.hostname = '';
    else this.hostname = this.hostname.toLowerCase();

    if (this.hostname !== '') {
      if (ipv6) {
        if (FORBIDDEN_HOST_IPV6.test(this.hostname)) {
          throw new codes.ERR_INVALID_URL(url);
        }
      } else {
        // UTS #46 ToASCII as Node's native one does it: tabs and newlines
        // dropped, the name cut at a NUL (it goes through a C string).  A
        // name that comes out empty or with a forbidden character would
        // be a spoofed host: an error.
        let name = this.hostname;
        const nul = name.indexOf('\0');
        if (nul !== -1) name = name.slice(0, nul);
        name = name.replace(/[\t\n\r]/g, '');
        const ascii = name === '' ? null : domainToASCII(name);
        this.hostname = ascii === null ? '' : ascii;
        if (this.hostname === '' || FORBIDDEN_HOST.test(this.hostname)) {
          throw new codes.ERR_INVALID_URL(url);
        }
      }
    }

    const p = this.port ? ':' + this.port : '';
    this.host = (this.hostname || '') + p;

    if (ipv6) {
      this.hostname = this.hostname.slice(1, -1);
      if (rest[0] !== '/') rest = '/' + rest;
    }
  }

  if (!hostless.has(lowerProto)) rest = rest.replace(AUTO_ESCAPE_RE, (c) => AUTO_ESCAPE[c]);

  let questionIdx = -1;
  let hashIdx = -1;
  for (let i = 0; i < rest.length; i++) {
    const c = rest.charCodeAt(i);
    if (c === 0x23) {
      this.hash = rest.slice(i);
      hashIdx = i;
      break;
    } else if (c === 0x3f && questionIdx === -1) {
      questionIdx = i;
    }
  }

  if (questionIdx !== -1) {
    if (hashIdx === -1) {
      this.search = rest.slice(questionIdx);
      this.query = rest.slice(questionIdx + 1);
    } else {
      this.search = rest.slice(questionIdx, hashIdx);
      this.query = rest.slice(questionIdx + 1, hashIdx);
    }
    if (parseQueryString) this.query = querystring.parse(this.query);
  } else if (parseQueryString) {
    this.search = null;
    this.query = { __proto__: null };
  }

  const firstIdx = questionIdx !== -1 && (hashIdx === -1 || questionIdx < hashIdx) ?
    questionIdx : hashIdx;
  if (firstIdx === -1) {
    if (rest.length > 0) this.pathname = rest;
  } else if (firstIdx > 0) {
    this.pathname = rest.slice(0, firstIdx);
  }
  if (slashed.has(lowerProto) && this.hostname && !this.pathname) {
    this.pathname = '/';
  }

  // path is what http.request wants.
  if (this.pathname || this.search) {
    this.path = (this.pathname || '') + (this.search || '');
  }

  this.href = this.format();
  return this;
};

Url.prototype.parseHost = function parseHost() {
  let host = this.host;
  const port = PORT.exec(host);
  if (port !== null) {
    if (port[0] !== ':') this.port = port[0].slice(1);
    host = host.slice(0, host.length - port[0].length);
  }
  if (host) this.hostname = host;
};

// Auth keeps what encodeURIComponent keeps, and ':'.
function encodeAuth(auth) {
  let out;
  try {
    out = encodeURIComponent(auth);
  } catch {
    throw new codes.ERR_INVALID_URI();
  }
  return out.indexOf('%3A') === -1 ? out : out.replace(/%3A/g, ':');
}

Url.prototype.format = function format() {
  let auth = this.auth || '';
  if (auth) auth = encodeAuth(auth) + '@';

  let protocol = this.protocol || '';
  let pathname = this.pathname || '';
  let hash = this.hash || '';
  let host = '';
  let query = '';

  if (this.host) {
    host = auth + this.host;
  } else if (this.hostname) {
    host = auth + (this.hostname.includes(':') && !isIPv6Hostname(this.hostname) ?
      '[' + this.hostname + ']' : this.hostname);
    if (this.port) host += ':' + this.port;
  }

  if (this.query !== null && typeof this.query === 'object') {
    query = querystring.stringify(this.query);
  }
  let search = this.search || (query && ('?' + query)) || '';

  if (protocol && protocol.charCodeAt(protocol.length - 1) !== 0x3a) protocol += ':';

  if (pathname.indexOf('#') !== -1 || pathname.indexOf('?') !== -1) {
    pathname = pathname.replace(/[#?]/g, (c) => (c === '#' ? '%23' : '%3F'));
  }

  // Only the slashed protocols get '//' (others only if they had it).
  if (this.slashes || slashed.has(protocol)) {
    if (this.slashes || host) {
      if (pathname && pathname.charCodeAt(0) !== 0x2f) pathname = '/' + pathname;
      host = '//' + host;
    } else if (protocol.length >= 4 && protocol.slice(0, 4).toLowerCase() === 'file') {
      host = '//';
    }
  }

  search = search.replace(/#/g, '%23');
  if (hash && hash.charCodeAt(0) !== 0x23) hash = '#' + hash;
  if (search && search.charCodeAt(0) !== 0x3f) search = '?' + search;

  return protocol + host + pathname + search + hash;
};

Url.prototype.resolve = function resolve(relative) {
  return this.resolveObject(urlParse(relative, false, true)).format();
};

// Copy the enumerable own properties of from onto to, except skip.
function assignFrom(to, from, skip) {
  for (const key of Object.keys(from)) {
    if (key !== skip) to[key] = from[key];
  }
}

// The auth can end up in the host of a non-slashed URL (mailto:a@b).
function splitAuthFromHost(result) {
  if (result.host && result.host.indexOf('@') > 0) {
    const parts = result.host.split('@');
    result.auth = parts.shift();
    result.host = result.hostname = parts.shift();
  }
}

function setPath(result) {
  if (result.pathname !== null || result.search !== null) {
    result.path = (result.pathname ? result.pathname : '') +
      (result.search ? result.search : '');
  }
}

Url.prototype.resolveObject = function resolveObject(relative) {
  if (typeof relative === 'string') {
    const rel = new Url();
    rel.parse(relative, false, true);
    relative = rel;
  }

  const result = new Url();
  assignFrom(result, this);
  result.hash = relative.hash;

  // An empty relative URL changes nothing but the hash.
  if (relative.href === '') {
    result.href = result.format();
    return result;
  }

  // '//host/path' keeps only the protocol.
  if (relative.slashes && !relative.protocol) {
    assignFrom(result, relative, 'protocol');
    if (slashed.has(result.protocol) && result.hostname && !result.pathname) {
      result.path = result.pathname = '/';
    }
    result.href = result.format();
    return result;
  }

  if (relative.protocol && relative.protocol !== result.protocol) {
    // Another protocol: a non-slashed one replaces everything; a slashed
    // one must have a host (file: excepted), taken from the path if need be.
    if (!slashed.has(relative.protocol)) {
      assignFrom(result, relative);
      result.href = result.format();
      return result;
    }
    result.protocol = relative.protocol;
    if (!relative.host && !/^file:?$/.test(relative.protocol) &&
        !hostless.has(relative.protocol)) {
      const relPath = (relative.pathname || '').split('/');
      while (relPath.length && !(relative.host = relPath.shift()));
      if (!relative.host) relative.host = '';
      if (!relative.hostname) relative.hostname = '';
      if (relPath[0] !== '') relPath.unshift('');
      if (relPath.length < 2) relPath.unshift('');
      result.pathname = relPath.join('/');
    } else {
      result.pathname = relative.pathname;
    }
    result.search = relative.search;
    result.query = relative.query;
    result.host = relative.host || '';
    result.auth = relative.auth;
    result.hostname = relative.hostname || relative.host;
    result.port = relative.port;
    if (result.pathname || result.search) {
      result.path = (result.pathname || '') + (result.search || '');
    }
    result.slashes = result.slashes || relative.slashes;
    result.href = result.format();
    return result;
  }

  const isSourceAbs = result.pathname && result.pathname.charAt(0) === '/';
  const isRelAbs = relative.host ||
    (relative.pathname && relative.pathname.charAt(0) === '/');
  let mustEndAbs = isRelAbs || isSourceAbs || (result.host && relative.pathname);
  const removeAllDots = mustEndAbs;
  let srcPath = (result.pathname && result.pathname.split('/')) || [];
  const relPath = (relative.pathname && relative.pathname.split('/')) || [];
  const noLeadingSlashes = result.protocol && !slashed.has(result.protocol);

  // In a non-slashed URL the host is the first path segment for the
  // length of the resolution, so '..' can climb into it.
  if (noLeadingSlashes) {
    result.hostname = '';
    result.port = null;
    if (result.host) {
      if (srcPath[0] === '') srcPath[0] = result.host;
      else srcPath.unshift(result.host);
    }
    result.host = '';
    if (relative.protocol) {
      relative.hostname = null;
      relative.port = null;
      if (relative.host) {
        if (relPath[0] === '') relPath[0] = relative.host;
        else relPath.unshift(relative.host);
      }
      relative.host = null;
    }
    mustEndAbs = mustEndAbs && (relPath[0] === '' || srcPath[0] === '');
  }

  if (isRelAbs) {
    if (relative.host || relative.host === '') {
      if (result.host !== relative.host) result.auth = null;
      result.host = relative.host;
      result.port = relative.port;
    }
    if (relative.hostname || relative.hostname === '') {
      if (result.hostname !== relative.hostname) result.auth = null;
      result.hostname = relative.hostname;
    }
    result.search = relative.search;
    result.query = relative.query;
    srcPath = relPath;
  } else if (relPath.length) {
    // A relative path replaces the last segment.
    srcPath.pop();
    srcPath = srcPath.concat(relPath);
    result.search = relative.search;
    result.query = relative.query;
  } else if (relative.search !== null && relative.search !== undefined) {
    // Only a query ('?foo').
    if (noLeadingSlashes) {
      result.hostname = result.host = srcPath.shift();
      splitAuthFromHost(result);
    }
    result.search = relative.search;
    result.query = relative.query;
    setPath(result);
    result.href = result.format();
    return result;
  }

  if (!srcPath.length) {
    result.pathname = null;
    result.path = result.search ? '/' + result.search : null;
    result.href = result.format();
    return result;
  }

  // A path ending in '.' or '..' (or empty) ends with a slash.
  let last = srcPath.slice(-1)[0];
  const hasTrailingSlash =
    ((result.host || relative.host || srcPath.length > 1) &&
     (last === '.' || last === '..')) || last === '';

  // Drop '.' segments and '..' with the segment before; count the '..'
  // that climb above the start.
  let up = 0;
  for (let i = srcPath.length - 1; i >= 0; i--) {
    last = srcPath[i];
    if (last === '.') {
      srcPath.splice(i, 1);
    } else if (last === '..') {
      srcPath.splice(i, 1);
      up++;
    } else if (up) {
      srcPath.splice(i, 1);
      up--;
    }
  }

  if (!mustEndAbs && !removeAllDots) {
    while (up--) srcPath.unshift('..');
  }

  if (mustEndAbs && srcPath[0] !== '' &&
      (!srcPath[0] || srcPath[0].charAt(0) !== '/')) {
    srcPath.unshift('');
  }

  if (hasTrailingSlash && srcPath.join('/').slice(-1) !== '/') srcPath.push('');

  const isAbsolute = srcPath[0] === '' ||
    (srcPath[0] && srcPath[0].charAt(0) === '/');

  if (noLeadingSlashes) {
    result.hostname = result.host = isAbsolute ? '' :
      srcPath.length ? srcPath.shift() : '';
    splitAuthFromHost(result);
  }

  mustEndAbs = mustEndAbs || (result.host && srcPath.length);
  if (mustEndAbs && !isAbsolute) srcPath.unshift('');

  if (srcPath.length > 0) {
    result.pathname = srcPath.join('/');
  } else {
    result.pathname = null;
    result.path = null;
  }

  setPath(result);
  result.auth = relative.auth || result.auth;
  result.slashes = result.slashes || relative.slashes;
  result.href = result.format();
  return result;
};

function urlResolve(source, relative) {
  return urlParse(source, false, true).resolve(relative);
}

function urlResolveObject(source, relative) {
  if (!source) return relative;
  return urlParse(source, false, true).resolveObject(relative);
}

module.exports = { Url, urlParse, urlResolve, urlResolveObject };
