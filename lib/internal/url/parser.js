// internal/url/parser - the URL Standard's basic URL parser, host parser
// and serializers (https://url.spec.whatwg.org/).
//
// A URL record is a plain object { scheme, username, password, host, port,
// path, query, fragment }: `host` is null or the serialized host, `port`
// null or a number, `path` an array of segments or, for an opaque path, a
// string.  parse() runs the state machine of the standard; where the
// standard appends one code point at a time to a buffer that is then
// percent-encoded as a whole, this file finds the end of the run first and
// encodes the slice in one go, which is the same result and much less work.
'use strict';

const punycode = require('internal/punycode');

const EOF = -1;

// Parser states, numbered; the names are the standard's.
const SCHEME_START = 1;
const SCHEME = 2;
const NO_SCHEME = 3;
const SPECIAL_RELATIVE_OR_AUTHORITY = 4;
const PATH_OR_AUTHORITY = 5;
const RELATIVE = 6;
const RELATIVE_SLASH = 7;
const SPECIAL_AUTHORITY_SLASHES = 8;
const SPECIAL_AUTHORITY_IGNORE_SLASHES = 9;
const AUTHORITY = 10;
const HOST = 11;
const HOSTNAME = 12;
const PORT = 13;
const FILE = 14;
const FILE_SLASH = 15;
const FILE_HOST = 16;
const PATH_START = 17;
const PATH = 18;
const OPAQUE_PATH = 19;
const QUERY = 20;
const FRAGMENT = 21;

// --- percent-encode sets ---------------------------------------------------

// One table per set over ASCII: 1 where the code point is in the set.
// Everything above U+007E is in every set (C0 control and up).
function makeSet(base, extra) {
  const set = new Uint8Array(128);
  if (base) set.set(base);
  for (let i = 0; i < extra.length; i++) set[extra.charCodeAt(i)] = 1;
  return set;
}
const C0_CONTROL_SET = makeSet(null, '\x7f');
for (let i = 0; i < 0x20; i++) C0_CONTROL_SET[i] = 1;
const FRAGMENT_SET = makeSet(C0_CONTROL_SET, ' "<>`');
const QUERY_SET = makeSet(C0_CONTROL_SET, ' "#<>');
const SPECIAL_QUERY_SET = makeSet(QUERY_SET, "'");
// Node 20's parser (ada) leaves ^ and | in paths as they are.
const PATH_SET = makeSet(QUERY_SET, '?`{}');
const USERINFO_SET = makeSet(PATH_SET, '/:;=@[\\]^|');
const COMPONENT_SET = makeSet(USERINFO_SET, '$%&+,');
const FORM_SET = makeSet(COMPONENT_SET, "!'()~");

const HEX = [];
for (let i = 0; i < 256; i++) {
  HEX.push('%' + (i < 16 ? '0' : '') + i.toString(16).toUpperCase());
}

// UTF-8 percent-encode every code point of s that is in set.  s is a
// well-formed string (the parser's input is a USVString).  The UTF-8
// bytes are encoded here from a table: JavaScriptCore's
// encodeURIComponent costs several times as much.
function percentEncode(s, set) {
  let out = '';
  let last = 0;
  const len = s.length;
  for (let i = 0; i < len; i++) {
    let c = s.charCodeAt(i);
    if (c < 0x80) {
      if (set[c] === 0) continue;
      out += s.slice(last, i) + HEX[c];
    } else {
      out += s.slice(last, i);
      if (c < 0x800) {
        out += HEX[0xc0 | (c >> 6)] + HEX[0x80 | (c & 0x3f)];
      } else if (c >= 0xd800 && c <= 0xdbff && i + 1 < len &&
                 (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        c = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
        out += HEX[0xf0 | (c >> 18)] + HEX[0x80 | ((c >> 12) & 0x3f)] +
          HEX[0x80 | ((c >> 6) & 0x3f)] + HEX[0x80 | (c & 0x3f)];
      } else {
        // A lone surrogate cannot reach here from a USVString; encode
        // U+FFFD as USVString conversion would have.
        if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
        out += HEX[0xe0 | (c >> 12)] + HEX[0x80 | ((c >> 6) & 0x3f)] +
          HEX[0x80 | (c & 0x3f)];
      }
    }
    last = i + 1;
  }
  return last === 0 ? s : out + s.slice(last);
}

// --- UTF-8 and percent-decoding ------------------------------------------

function hexValue(c) {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  c |= 0x20;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  return -1;
}

// The bytes of s's UTF-8 encoding with %XX sequences decoded, as the
// standard's "percent-decode a string".
function percentDecodeBytes(s) {
  const bytes = [];
  const len = s.length;
  for (let i = 0; i < len; i++) {
    let c = s.charCodeAt(i);
    if (c === 0x25 && i + 2 < len) {
      const h = hexValue(s.charCodeAt(i + 1));
      const l = hexValue(s.charCodeAt(i + 2));
      if (h >= 0 && l >= 0) {
        bytes.push(h * 16 + l);
        i += 2;
        continue;
      }
    }
    if (c < 0x80) {
      bytes.push(c);
    } else if (c < 0x800) {
      bytes.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    } else {
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < len &&
          (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        c = 0x10000 + ((c - 0xd800) << 10) + (s.charCodeAt(++i) - 0xdc00);
        bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f),
          0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
        continue;
      }
      if (c >= 0xd800 && c <= 0xdfff) c = 0xfffd;
      bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    }
  }
  return bytes;
}

// UTF-8 decode without BOM, each maximal invalid subsequence replaced by
// U+FFFD (the Encoding Standard's decoder).
function utf8Decode(bytes) {
  let out = '';
  const len = bytes.length;
  const units = [];
  for (let i = 0; i < len;) {
    const b = bytes[i];
    if (b < 0x80) {
      units.push(b);
      i++;
      continue;
    }
    let need = 0;
    let cp = 0;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1; cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      if (b === 0xe0) lower = 0xa0;
      if (b === 0xed) upper = 0x9f;
      need = 2; cp = b & 0xf;
    } else if (b >= 0xf0 && b <= 0xf4) {
      if (b === 0xf0) lower = 0x90;
      if (b === 0xf4) upper = 0x8f;
      need = 3; cp = b & 0x7;
    } else {
      units.push(0xfffd);
      i++;
      continue;
    }
    let j = i + 1;
    let ok = true;
    for (let k = 0; k < need; k++, j++) {
      const n = j < len ? bytes[j] : -1;
      if (n < lower || n > upper) {
        ok = false;
        break;
      }
      lower = 0x80;
      upper = 0xbf;
      cp = (cp << 6) | (n & 0x3f);
    }
    if (!ok) {
      units.push(0xfffd);
      i = j;
      continue;
    }
    if (cp >= 0x10000) {
      cp -= 0x10000;
      units.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
    } else {
      units.push(cp);
    }
    i = j;
    if (units.length > 4096) {
      out += String.fromCharCode.apply(null, units);
      units.length = 0;
    }
  }
  return out + String.fromCharCode.apply(null, units);
}

function percentDecode(s) {
  if (s.indexOf('%') === -1) return s;
  return utf8Decode(percentDecodeBytes(s));
}

// --- hosts ---------------------------------------------------------------

// Forbidden host code points; forbidden domain code points add the C0
// controls, % and DEL.
const FORBIDDEN_HOST = makeSet(null, '\0\t\n\r #/:<>?@[\\]^|');
const FORBIDDEN_DOMAIN = makeSet(FORBIDDEN_HOST, '%\x7f');
for (let i = 0; i < 0x20; i++) FORBIDDEN_DOMAIN[i] = 1;

function parseIPv4Number(s) {
  if (s === '') return NaN;
  let radix = 10;
  let start = 0;
  if (s.length >= 2 && s.charCodeAt(0) === 0x30) {
    const x = s.charCodeAt(1) | 0x20;
    if (x === 0x78) {
      radix = 16;
      start = 2;
    } else {
      radix = 8;
      start = 1;
    }
  }
  if (start === s.length) return 0;
  let n = 0;
  for (let i = start; i < s.length; i++) {
    const d = hexValue(s.charCodeAt(i));
    if (d < 0 || d >= radix) return NaN;
    n = n * radix + d;
  }
  return n;
}

// Does the last label (a trailing empty one aside) look like a number?
function endsInANumber(s) {
  let end = s.length;
  if (end > 0 && s.charCodeAt(end - 1) === 0x2e) {
    end--;
    if (end === 0) return false;
  }
  const start = s.lastIndexOf('.', end - 1) + 1;
  if (start === end) return false;
  let digits = true;
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) {
      digits = false;
      break;
    }
  }
  if (digits) return true;
  if (end - start >= 2 && s.charCodeAt(start) === 0x30 &&
      (s.charCodeAt(start + 1) | 0x20) === 0x78) {
    for (let i = start + 2; i < end; i++) {
      if (hexValue(s.charCodeAt(i)) < 0) return false;
    }
    return true;
  }
  return false;
}

// The IPv4 parser: the serialized address, or null on failure.  Parts are
// read in place (no split): this runs for every numeric host.
function parseIPv4(s) {
  let len = s.length;
  if (len > 1 && s.charCodeAt(len - 1) === 0x2e) len--;
  const numbers = [0, 0, 0, 0];
  let count = 0;
  let start = 0;
  for (;;) {
    let end = s.indexOf('.', start);
    if (end === -1 || end > len) end = len;
    if (count === 4) return null;
    const n = parseIPv4Number(start === 0 && end === s.length ? s : s.slice(start, end));
    if (n !== n) return null;
    numbers[count++] = n;
    if (end >= len) break;
    start = end + 1;
  }
  const last = count - 1;
  for (let i = 0; i < last; i++) {
    if (numbers[i] > 255) return null;
  }
  const limit = last === 0 ? 4294967296 : last === 1 ? 16777216 : last === 2 ? 65536 : 256;
  if (numbers[last] >= limit) return null;
  let ipv4 = numbers[last];
  if (last > 0) ipv4 += numbers[0] * 16777216;
  if (last > 1) ipv4 += numbers[1] * 65536;
  if (last > 2) ipv4 += numbers[2] * 256;
  return ((ipv4 / 16777216) & 255) + '.' + ((ipv4 >>> 16) & 255) + '.' +
    ((ipv4 >>> 8) & 255) + '.' + (ipv4 & 255);
}

function codeAt(s, i) {
  return i < s.length ? s.charCodeAt(i) : EOF;
}

// The IPv6 parser: eight 16-bit pieces, or null on failure.
function parseIPv6(s) {
  const address = [0, 0, 0, 0, 0, 0, 0, 0];
  let pieceIndex = 0;
  let compress = -1;
  let p = 0;
  if (codeAt(s, 0) === 0x3a) {
    if (codeAt(s, 1) !== 0x3a) return null;
    p += 2;
    pieceIndex++;
    compress = pieceIndex;
  }
  while (codeAt(s, p) !== EOF) {
    if (pieceIndex === 8) return null;
    if (codeAt(s, p) === 0x3a) {
      if (compress !== -1) return null;
      p++;
      pieceIndex++;
      compress = pieceIndex;
      continue;
    }
    let value = 0;
    let length = 0;
    while (length < 4 && hexValue(codeAt(s, p)) >= 0) {
      value = value * 16 + hexValue(codeAt(s, p));
      p++;
      length++;
    }
    if (codeAt(s, p) === 0x2e) {
      if (length === 0) return null;
      p -= length;
      if (pieceIndex > 6) return null;
      let numbersSeen = 0;
      while (codeAt(s, p) !== EOF) {
        let ipv4Piece = -1;
        if (numbersSeen > 0) {
          if (codeAt(s, p) === 0x2e && numbersSeen < 4) p++;
          else return null;
        }
        let c = codeAt(s, p);
        if (c < 0x30 || c > 0x39) return null;
        while (c >= 0x30 && c <= 0x39) {
          const number = c - 0x30;
          if (ipv4Piece === -1) ipv4Piece = number;
          else if (ipv4Piece === 0) return null;
          else ipv4Piece = ipv4Piece * 10 + number;
          if (ipv4Piece > 255) return null;
          p++;
          c = codeAt(s, p);
        }
        address[pieceIndex] = address[pieceIndex] * 0x100 + ipv4Piece;
        numbersSeen++;
        if (numbersSeen === 2 || numbersSeen === 4) pieceIndex++;
      }
      if (numbersSeen !== 4) return null;
      break;
    } else if (codeAt(s, p) === 0x3a) {
      p++;
      if (codeAt(s, p) === EOF) return null;
    } else if (codeAt(s, p) !== EOF) {
      return null;
    }
    address[pieceIndex] = value;
    pieceIndex++;
  }
  if (compress !== -1) {
    let swaps = pieceIndex - compress;
    pieceIndex = 7;
    while (pieceIndex !== 0 && swaps > 0) {
      const t = address[compress + swaps - 1];
      address[compress + swaps - 1] = address[pieceIndex];
      address[pieceIndex] = t;
      pieceIndex--;
      swaps--;
    }
  } else if (pieceIndex !== 8) {
    return null;
  }
  return address;
}

function serializeIPv6(address) {
  // The first longest run of two or more zero pieces is compressed.
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (address[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && address[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  let out = '';
  let ignore0 = false;
  for (let i = 0; i < 8; i++) {
    if (ignore0 && address[i] === 0) continue;
    ignore0 = false;
    if (best === i) {
      out += i === 0 ? '::' : ':';
      ignore0 = true;
      continue;
    }
    out += address[i].toString(16);
    if (i !== 7) out += ':';
  }
  return out;
}

// UTS #46 code points IDNA mapping ignores (removes).
const IDNA_IGNORED = /[\u00ad\u034f\u180b-\u180d\u180f\u200b\u2060\u2064\ufe00-\ufe0f\ufeff]/g;
// What IDNA disallows after mapping, as far as this implementation
// follows UTS #46: controls, joiners outside their contexts, U+FFFD,
// private use, surrogates, noncharacters, and the symbols NFKC turns into
// ASCII punctuation (such as U+2488 DIGIT ONE FULL STOP).
const IDNA_DISALLOWED = /[\0-\x1f\x7f-\x9f\u2028\u2029\ufff0-\uffff\ue000-\uf8ff\ud800-\udfff]|[\u{f0000}-\u{10ffff}]/u;
// Disallowed before mapping: Georgian capitals, the one-dot leader.
const IDNA_DISALLOWED_SOURCE = /[\u10a0-\u10c5\u2024]/;
// CheckJoiners, as far as it goes here: ZWNJ and ZWJ only right after a
// virama.
const JOINER = /[\u200c\u200d]/g;
const VIRAMA = /[\u094d\u09cd\u0a4d\u0acd\u0b4d\u0bcd\u0c4d\u0ccd\u0d4d\u0dca\u0e3a\u0f84\u1039\u103a\u1714\u1734\u17d2\u1a60\u1b44\u1baa\u1bab\u1bf2\u1bf3\u2d7f\ua806\ua8c4\ua953\ua9c0\uaaf6\uabed]/;

function joinersValid(label) {
  JOINER.lastIndex = 0;
  let m;
  while ((m = JOINER.exec(label)) !== null) {
    if (m.index === 0 || !VIRAMA.test(label[m.index - 1])) return false;
  }
  return true;
}
const COMBINING_START = /^\p{M}/u;

function validLabel(label) {
  if (label === '') return true;
  if (IDNA_DISALLOWED.test(label)) return false;
  if (label.indexOf('\u200c') !== -1 || label.indexOf('\u200d') !== -1) {
    if (!joinersValid(label)) return false;
  }
  if (COMBINING_START.test(label)) return false;
  if (label.normalize('NFC') !== label) return false;
  // Node (ada) rejects any label whose 3rd and 4th code points are hyphens
  // only for xn-- labels, checked by the caller.
  return true;
}

// domain to ASCII with beStrict false: UTS #46 ToASCII, nontransitional.
function domainToASCII(domain) {
  let ascii = true;
  for (let i = 0; i < domain.length; i++) {
    if (domain.charCodeAt(i) >= 0x80) {
      ascii = false;
      break;
    }
  }
  let mapped;
  if (ascii) {
    mapped = domain.toLowerCase();
    if (mapped.indexOf('xn--') === -1) return mapped === '' ? null : mapped;
  } else {
    // Map: ignored code points away, case folded (Σ folds to σ even at
    // the end of a word), compatibility-decomposed and recomposed, and the
    // ideographic full stop to '.'.
    if (IDNA_DISALLOWED_SOURCE.test(domain)) return null;
    mapped = domain.replace(IDNA_IGNORED, '').replace(/\u03a3/g, '\u03c3')
      .replace(/\u1e9e/g, 'ss')
      .normalize('NFKC').toLowerCase().normalize('NFKC')
      .replace(/[\u3002\uff0e\uff61]/g, '.');
    // Cherokee folds to its capital letters, the other way round.
    if (/[\uab70-\uabbf\u13f8-\u13fd]/.test(mapped)) {
      mapped = mapped.replace(/[\uab70-\uabbf\u13f8-\u13fd]/g, (c) => {
        const code = c.charCodeAt(0);
        return String.fromCharCode(code >= 0xab70 ? code - 0xab70 + 0x13a0 : code - 8);
      });
    }
  }
  const labels = mapped.split('.');
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (label.startsWith('xn--')) {
      let decoded;
      try {
        decoded = punycode.decode(label.slice(4));
      } catch {
        return null;
      }
      if (decoded === '' || !/[^\0-\x7f]/.test(decoded) || !validLabel(decoded) ||
          decoded !== decoded.toLowerCase() ||
          punycode.encode(decoded) !== label.slice(4)) {
        return null;
      }
    } else if (/[^\0-\x7f]/.test(label)) {
      if (!validLabel(label)) return null;
      labels[i] = 'xn--' + punycode.encode(label);
    }
  }
  const result = labels.join('.');
  return result === '' ? null : result;
}

// domain to Unicode (for url.domainToUnicode): xn-- labels decoded.
function domainToUnicode(domain) {
  const ascii = domainToASCII(domain);
  if (ascii === null) return null;
  return ascii.split('.').map((label) =>
    (label.startsWith('xn--') ? punycode.decode(label.slice(4)) : label))
    .join('.');
}

// The host parser: the serialized host, or null on failure.
function parseHost(input, isOpaque) {
  if (input.charCodeAt(0) === 0x5b) {
    if (input.charCodeAt(input.length - 1) !== 0x5d) return null;
    const address = parseIPv6(input.slice(1, -1));
    return address === null ? null : '[' + serializeIPv6(address) + ']';
  }
  if (isOpaque) {
    for (let i = 0; i < input.length; i++) {
      const c = input.charCodeAt(i);
      if (c < 0x80 && FORBIDDEN_HOST[c] === 1) return null;
    }
    return percentEncode(input, C0_CONTROL_SET);
  }
  const asciiDomain = domainToASCII(percentDecode(input));
  if (asciiDomain === null) return null;
  for (let i = 0; i < asciiDomain.length; i++) {
    const c = asciiDomain.charCodeAt(i);
    if (c < 0x80 && FORBIDDEN_DOMAIN[c] === 1) return null;
  }
  if (endsInANumber(asciiDomain)) return parseIPv4(asciiDomain);
  return asciiDomain;
}

// --- the basic URL parser --------------------------------------------------

function defaultPort(scheme) {
  switch (scheme) {
    case 'http': case 'ws': return 80;
    case 'https': case 'wss': return 443;
    case 'ftp': return 21;
    default: return null;
  }
}

function isSpecialScheme(scheme) {
  switch (scheme) {
    case 'http': case 'https': case 'ws': case 'wss': case 'ftp': case 'file':
      return true;
    default:
      return false;
  }
}

function isAlpha(c) {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

// "ab" where a is an ASCII letter and b ':' or, unless normalized, '|'.
function isWindowsDriveLetter(s, normalizedOnly) {
  if (s.length !== 2 || !isAlpha(s.charCodeAt(0))) return false;
  const c = s.charCodeAt(1);
  return c === 0x3a || (!normalizedOnly && c === 0x7c);
}

function startsWithWindowsDriveLetter(s, p) {
  if (s.length - p < 2) return false;
  if (!isAlpha(s.charCodeAt(p))) return false;
  const c = s.charCodeAt(p + 1);
  if (c !== 0x3a && c !== 0x7c) return false;
  if (s.length - p === 2) return true;
  const d = s.charCodeAt(p + 2);
  return d === 0x2f || d === 0x5c || d === 0x3f || d === 0x23;
}

function shortenPath(url) {
  const path = url.path;
  if (url.scheme === 'file' && path.length === 1 &&
      isWindowsDriveLetter(path[0], true)) {
    return;
  }
  path.pop();
}

function isSingleDot(s) {
  return s === '.' || (s.length === 3 && s.toLowerCase() === '%2e');
}

function isDoubleDot(s) {
  switch (s.length) {
    case 2: return s === '..';
    case 4: { const l = s.toLowerCase(); return l === '.%2e' || l === '%2e.'; }
    case 6: return s.toLowerCase() === '%2e%2e';
    default: return false;
  }
}

// href is the serialization when the parser had it at hand (the fast
// path), for the URL to take; undefined otherwise.  Nothing else reads it.
function newRecord() {
  return {
    scheme: '', username: '', password: '', host: null, port: null,
    path: [], query: null, fragment: null, href: undefined,
  };
}

// Leading and trailing C0 controls and spaces go; so do all tabs and
// newlines anywhere.
function cleanInput(input, trim) {
  if (trim) {
    let start = 0;
    let end = input.length;
    while (start < end && input.charCodeAt(start) <= 0x20) start++;
    while (end > start && input.charCodeAt(end - 1) <= 0x20) end--;
    if (start !== 0 || end !== input.length) input = input.slice(start, end);
  }
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (c === 0x09 || c === 0x0a || c === 0x0d) return input.replace(/[\t\n\r]/g, '');
  }
  return input;
}

// --- the fast path -------------------------------------------------------
//
// Most URLs a program parses are absolute http(s), ws(s) or ftp URLs with
// a plain host, no credentials, and nothing the state machine would have
// to repair.  For those the whole parse is one scan: check every code unit
// against the set of its component, lowercase the host or read it as an IP
// address, drop a default or empty port, apply dot segments, and
// percent-encode whatever needs it.  Usually nothing changes, and the
// serialization is the input string itself: no new string at all.
//
// The result is the href plus the offsets of its components, written to
// fastOffsets (one shared array, so nothing is allocated per parse) and
// read at once by the caller.  Anything else (another scheme,
// credentials, backslashes, tabs or newlines, leading or trailing C0
// controls and spaces, a host that is neither [A-Za-z0-9.-]+ nor an
// IPv6 literal, an invalid port) returns null and takes the state machine, which stays
// the reference: the fast path must give its answer or none.

// Indexes into fastOffsets.  The host starts at OFF_SCHEME_END + 3.
const OFF_SCHEME_END = 0;   // the ':' after the scheme
const OFF_HOST_END = 1;     // the ':' before the port, or OFF_PATH_START
const OFF_PATH_START = 2;   // the '/' that starts the path
const OFF_QUERY_START = 3;  // the '?', or -1
const OFF_HASH_START = 4;   // the '#', or -1
const fastOffsets = new Int32Array(5);

// The default port of a special scheme other than file, from the scheme's
// length and first letter (the only ones the fast path accepts).
function fastDefaultPort(schemeLen, first) {
  if (schemeLen === 3 && first === 0x66) return 21;   // ftp
  if (schemeLen === 5 || schemeLen === 3) return 443; // https, wss
  return 80;                                          // http, ws
}

// The scheme: its length if input starts with http, https, ws, wss or ftp
// (in any case) then '://', else 0.
function fastScheme(input) {
  const c0 = input.charCodeAt(0) | 0x20;
  const c1 = input.charCodeAt(1) | 0x20;
  let n = 0;
  if (c0 === 0x68) {                                      // h
    if (c1 === 0x74 && (input.charCodeAt(2) | 0x20) === 0x74 &&
        (input.charCodeAt(3) | 0x20) === 0x70) {          // ttp
      n = (input.charCodeAt(4) | 0x20) === 0x73 ? 5 : 4;  // s?
    }
  } else if (c0 === 0x77) {                               // w
    if (c1 === 0x73) n = (input.charCodeAt(2) | 0x20) === 0x73 ? 3 : 2;
  } else if (c0 === 0x66) {                               // f
    if (c1 === 0x74 && (input.charCodeAt(2) | 0x20) === 0x70) n = 3;
  }
  if (n === 0 || input.charCodeAt(n) !== 0x3a || input.charCodeAt(n + 1) !== 0x2f ||
      input.charCodeAt(n + 2) !== 0x2f) {
    return 0;
  }
  return n;
}

// Where the run of s from start in the code points of a component ends,
// and whether it needs percent-encoding: ((end << 1) | encode), or -1 if
// it holds a tab, newline or backslash, which only the state machine
// handles.  The run stops before `stop1` or `stop2`, which must be in set.
function fastRun(s, start, set, stop1, stop2) {
  const len = s.length;
  let encode = 0;
  let i = start;
  for (; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (set[c] === 0) continue;
      if (c === stop1 || c === stop2) break;
      if (c === 0x09 || c === 0x0a || c === 0x0d || c === 0x5c) return -1;
    }
    encode = 1;
  }
  return (i << 1) | encode;
}

// The path set with '\\' (a separator in special URLs: the state
// machine's case) and '/' added, so that the path run sees both.
const FAST_PATH_SET = makeSet(PATH_SET, '\\/');

// fastRun() for a path from its first '/': ((end << 2) | (dots << 1) |
// encode), where dots says a segment may be a dot segment ('.', '..' and
// their %2e spellings start '/.' or '/%2'; percent-encoding adds
// neither), or -1.
function fastPathRun(s, start) {
  const len = s.length;
  let flags = 0;
  let i = start;
  for (; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (FAST_PATH_SET[c] === 0) continue;
      if (c === 0x2f) {
        const d = s.charCodeAt(i + 1);
        if (d === 0x2e || (d === 0x25 && s.charCodeAt(i + 2) === 0x32)) flags |= 2;
        continue;
      }
      if (c === 0x3f || c === 0x23) break;
      if (c === 0x09 || c === 0x0a || c === 0x0d || c === 0x5c) return -1;
    }
    flags |= 1;
  }
  return (i << 2) | flags;
}

// The href of input (a USVString) with its offsets in fastOffsets, the
// input itself when they are equal; null if the state machine must say.
function fastScan(input) {
  const len = input.length;
  // Trailing C0 controls and spaces are trimmed by the full parser.
  if (len === 0 || input.charCodeAt(len - 1) <= 0x20) return null;
  // Offsets are packed with flags in 32-bit integers.
  if (len > 0x0fffffff) return null;
  const schemeLen = fastScheme(input);
  if (schemeLen === 0) return null;
  let schemeLower = true;
  for (let i = 0; i < schemeLen; i++) {
    if (input.charCodeAt(i) < 0x61) schemeLower = false;
  }
  let same = schemeLower;

  // The host.  Lowercase letters, digits, '-' and '.' with a last label
  // that does not start with a digit are the host as it is; anything else
  // the host parser has work to do on goes to fastHost().
  const hostStart = schemeLen + 3;
  let p = hostStart;
  let c = -1;
  let plain = true;
  let label = hostStart;
  for (; p < len; p++) {
    c = input.charCodeAt(p);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) continue;
    if (c === 0x2e) {
      label = p + 1;
      continue;
    }
    if ((c >= 0x41 && c <= 0x5a) || c === 0x2d) {
      plain = false;
      continue;
    }
    break;
  }
  let hostEnd = p;
  if (p === len) c = -1;
  let host = null;      // the host when it is not the input's
  if (c === 0x5b && p === hostStart) {
    hostEnd = input.indexOf(']', p) + 1;
    if (hostEnd === 0) return null;
    p = hostEnd;
    c = p < len ? input.charCodeAt(p) : -1;
    plain = false;
  } else if (hostEnd === hostStart) {
    return null;
  } else if (label === hostEnd || (input.charCodeAt(label) >= 0x30 &&
             input.charCodeAt(label) <= 0x39)) {
    plain = false;
  }
  if (!plain) {
    host = fastHost(input.slice(hostStart, hostEnd));
    if (host === null) return null;
    if (host.length === hostEnd - hostStart && input.startsWith(host, hostStart)) {
      host = null;
    } else {
      same = false;
    }
  }

  // The port: digits up to the path, query, fragment or end.
  let port = -1;
  if (c === 0x3a) {
    const digits = ++p;
    let value = 0;
    for (; p < len; p++) {
      c = input.charCodeAt(p);
      if (c < 0x30 || c > 0x39) break;
      value = value * 10 + (c - 0x30);
      if (value > 65535) return null;
    }
    if (p === len) c = -1;
    if (p === digits || value === fastDefaultPort(schemeLen, input.charCodeAt(0) | 0x20)) {
      same = false;
    } else {
      port = value;
      if (p - digits > 1 && input.charCodeAt(digits) === 0x30) same = false;
    }
  }
  if (c !== -1 && c !== 0x2f && c !== 0x3f && c !== 0x23) return null;

  return fastTail(input, p, c, same, schemeLen, schemeLower, host, hostEnd, port);
}

// The path, query and fragment of fastScan(), from p (at c: '/', '?',
// '#' or the end) on; a function of its own because JavaScriptCore's
// optimizing compiler takes much longer over one large function.
function fastTail(input, p, c, same, schemeLen, schemeLower, host, hostEnd, port) {
  const len = input.length;
  // Whether the href up to the path is the input's.
  const headSame = same;
  // The path: '/' when there is none.
  const pathBegin = p;
  let path = null;      // the path when it is not the input's
  if (c === 0x2f) {
    const run = fastPathRun(input, p);
    if (run < 0) return null;
    p = run >> 2;
    c = p < len ? input.charCodeAt(p) : -1;
    if ((run & 3) !== 0) {
      path = fastPath(input.slice(pathBegin, p), (run & 1) !== 0, (run & 2) !== 0);
      // Percent-encoding always changes the path (and comparing would
      // flatten the string it built); dot segments may not ('/.a').
      if ((run & 1) === 0 && path.length === p - pathBegin &&
          input.startsWith(path, pathBegin)) {
        path = null;
      } else {
        same = false;
      }
    }
  } else {
    path = '/';
    same = false;
  }
  const pathEnd = p;

  // The query and the fragment.
  let query = null;
  let queryEnd = p;
  if (c === 0x3f) {
    const run = fastRun(input, p + 1, SPECIAL_QUERY_SET, 0x23, 0x23);
    if (run < 0) return null;
    queryEnd = run >> 1;
    if ((run & 1) !== 0) {
      query = percentEncode(input.slice(p + 1, queryEnd), SPECIAL_QUERY_SET);
      same = false;
    }
    p = queryEnd;
    c = p < len ? input.charCodeAt(p) : -1;
  }
  let fragment = null;
  if (c === 0x23) {
    const run = fastRun(input, p + 1, FRAGMENT_SET, -1, -1);
    if (run < 0) return null;
    if ((run & 1) !== 0) {
      fragment = percentEncode(input.slice(p + 1), FRAGMENT_SET);
      same = false;
    }
  }

  const out = fastOffsets;
  out[OFF_SCHEME_END] = schemeLen;
  if (same) {
    out[OFF_HOST_END] = hostEnd;
    out[OFF_PATH_START] = pathBegin;
    out[OFF_QUERY_START] = pathEnd < len && input.charCodeAt(pathEnd) === 0x3f ? pathEnd : -1;
    out[OFF_HASH_START] = queryEnd < len ? queryEnd : -1;
    return input;
  }
  return fastBuild(input, headSame, schemeLen, schemeLower, host, hostEnd, port,
    pathBegin, path, pathEnd, query, queryEnd, fragment);
}

// The serialization when some part of it is not the input's: each part is
// the input's slice or the one given.
function fastBuild(input, headSame, schemeLen, schemeLower, host, hostEnd, port,
  pathBegin, path, pathEnd, query, queryEnd, fragment) {
  const out = fastOffsets;
  const len = input.length;
  let href;
  if (headSame) {
    // Often only a later part changed: the head (and maybe the path) is
    // one slice.
    href = input.slice(0, path === null ? pathEnd : pathBegin);
    out[OFF_HOST_END] = hostEnd;
    out[OFF_PATH_START] = pathBegin;
  } else {
    href = schemeLower ? input.slice(0, schemeLen + 3) :
      input.slice(0, schemeLen).toLowerCase() + '://';
    href += host === null ? input.slice(schemeLen + 3, hostEnd) : host;
    out[OFF_HOST_END] = href.length;
    if (port !== -1) href += ':' + port;
    out[OFF_PATH_START] = href.length;
  }
  if (path !== null) href += path;
  else if (!headSame) href += input.slice(pathBegin, pathEnd);
  if (pathEnd < len && input.charCodeAt(pathEnd) === 0x3f) {
    out[OFF_QUERY_START] = href.length;
    href += '?' + (query === null ? input.slice(pathEnd + 1, queryEnd) : query);
  } else {
    out[OFF_QUERY_START] = -1;
  }
  if (queryEnd < len) {
    out[OFF_HASH_START] = href.length;
    href += '#' + (fragment === null ? input.slice(queryEnd + 1) : fragment);
  } else {
    out[OFF_HASH_START] = -1;
  }
  return href;
}

// A path ('/' and segments) percent-encoded and with its dot segments
// applied, as the path state leaves it.
function fastPath(text, encode, dots) {
  if (encode) text = percentEncode(text, PATH_SET);
  if (dots) text = fastDots(text);
  return text;
}

// 1 if text[start, end) is a '.' segment, 2 if a '..' one (in any of
// their %2e spellings), else 0.
function dotSegment(text, start, end) {
  switch (end - start) {
    case 1: return text.charCodeAt(start) === 0x2e ? 1 : 0;
    case 2: return text.charCodeAt(start) === 0x2e && text.charCodeAt(start + 1) === 0x2e ? 2 : 0;
    case 3: return isPct2e(text, start) ? 1 : 0;
    case 4:
      if (text.charCodeAt(start) === 0x2e) return isPct2e(text, start + 1) ? 2 : 0;
      return isPct2e(text, start) && text.charCodeAt(start + 3) === 0x2e ? 2 : 0;
    case 6: return isPct2e(text, start) && isPct2e(text, start + 3) ? 2 : 0;
    default: return 0;
  }
}

function isPct2e(text, i) {
  return text.charCodeAt(i) === 0x25 && text.charCodeAt(i + 1) === 0x32 &&
    (text.charCodeAt(i + 2) | 0x20) === 0x65;
}

// The kept segments of fastDots(), as [start, end) pairs of its text.
const keptSegments = new Int32Array(256);

// An encoded path ('/' and segments) with its dot segments applied, as
// the path state does: '..' removes the segment before it, '.' goes, and
// either at the end leaves a trailing '/'.  The segments kept are ranges
// of text, each with its '/', so the result is a few slices.
function fastDots(text) {
  const len = text.length;
  const kept = keptSegments;
  let n = 0;
  let start = 0;
  for (;;) {
    if (n + 2 > kept.length) return '/' + splitPath(text).join('/');
    let end = text.indexOf('/', start + 1);
    const last = end === -1;
    if (last) end = len;
    const dot = dotSegment(text, start + 1, end);
    if (dot === 0) {
      kept[n++] = start;
      kept[n++] = end;
    } else {
      if (dot === 2 && n > 0) n -= 2;
      if (last) {
        kept[n++] = start;
        kept[n++] = start + 1;
      }
    }
    if (last) break;
    start = end;
  }
  let out = '';
  for (let i = 0; i < n; i += 2) {
    const from = kept[i];
    let to = kept[i + 1];
    while (i + 2 < n && kept[i + 2] === to) {
      to = kept[i + 3];
      i += 2;
    }
    out += text.slice(from, to);
  }
  return out;
}

// What the host parser makes of a host of the fast path that it has work
// on: upper case, an IPv4 address in any form, an IPv6 literal, punycode
// labels; null if it fails.  The answers for the last few hundred hosts
// are kept, since a program sees the same hosts again and again.
const hostCache = new Map();

function fastHost(raw) {
  // Longer than any DNS name: not worth keeping (and the cache's memory
  // stays bounded).
  if (raw.length > 255) return parseFastHost(raw);
  let host = hostCache.get(raw);
  if (host === undefined) {
    host = parseFastHost(raw);
    if (hostCache.size >= 512) hostCache.clear();
    hostCache.set(raw, host);
  }
  return host;
}

function parseFastHost(raw) {
  if (raw.charCodeAt(0) === 0x5b) {
    const address = parseIPv6(raw.slice(1, -1));
    return address === null ? null : '[' + serializeIPv6(address) + ']';
  }
  // Letters, digits, '-' and '.' only: the domain to ASCII of the host
  // parser is lowercasing and, with xn-- labels, punycode validation.
  const host = domainToASCII(raw);
  if (host === null) return null;
  return endsInANumber(host) ? parseIPv4(host) : host;
}

// The URL record of a fast-path parse: href and its offsets (as
// fastScan left them in fastOffsets).  Its path has no dot segments left,
// so splitting at '/' is the path state's result.
function fastRecord(href, schemeEnd, hostEnd, pathStart, queryStart, hashStart) {
  const len = href.length;
  const pathEnd = queryStart !== -1 ? queryStart : hashStart !== -1 ? hashStart : len;
  let port = null;
  if (hostEnd !== pathStart) {
    port = 0;
    for (let i = hostEnd + 1; i < pathStart; i++) port = port * 10 + href.charCodeAt(i) - 0x30;
  }
  return {
    scheme: href.slice(0, schemeEnd), username: '', password: '',
    host: href.slice(schemeEnd + 3, hostEnd), port,
    path: href.slice(pathStart + 1, pathEnd).split('/'),
    query: queryStart === -1 ? null :
      href.slice(queryStart + 1, hashStart !== -1 ? hashStart : len),
    fragment: hashStart === -1 ? null : href.slice(hashStart + 1),
    href,
  };
}

// The path state over an encoded '/a/b/c' of a special, non-file URL:
// segments, with '.' and '..' (in any of their encoded spellings) applied
// as the state machine applies them.
function splitPath(pathname) {
  const path = [];
  let start = 1;
  for (;;) {
    const slash = pathname.indexOf('/', start);
    const end = slash === -1 ? pathname.length : slash;
    const segment = pathname.slice(start, end);
    const c = segment.charCodeAt(0);
    if ((c === 0x2e || c === 0x25) && isDoubleDot(segment)) {
      path.pop();
      if (slash === -1) path.push('');
    } else if ((c === 0x2e || c === 0x25) && isSingleDot(segment)) {
      if (slash === -1) path.push('');
    } else {
      path.push(segment);
    }
    if (slash === -1) return path;
    start = slash + 1;
  }
}

// The basic URL parser.  Without url: a new record, or null on failure.
// With url and stateOverride (the setters): url is changed in place and
// the result only says whether the parser gave up.
function parse(input, base, url, stateOverride) {
  if (url === undefined) {
    const href = fastScan(input);
    if (href !== null) {
      const o = fastOffsets;
      return fastRecord(href, o[OFF_SCHEME_END], o[OFF_HOST_END], o[OFF_PATH_START],
        o[OFF_QUERY_START], o[OFF_HASH_START]);
    }
  }
  return runStateMachine(input, base, url, stateOverride);
}

function runStateMachine(input, base, url, stateOverride) {
  if (url === undefined) {
    url = newRecord();
    input = cleanInput(input, true);
  } else {
    input = cleanInput(input, false);
  }
  let state = stateOverride || SCHEME_START;
  let buffer = '';
  let atSignSeen = false;
  let insideBrackets = false;
  let passwordTokenSeen = false;
  const len = input.length;
  let special = isSpecialScheme(url.scheme);

  for (let p = 0; ; p++) {
    const c = p < len ? input.charCodeAt(p) : EOF;
    switch (state) {
      case SCHEME_START:
        if (isAlpha(c)) {
          buffer += String.fromCharCode(c | 0x20);
          state = SCHEME;
        } else if (!stateOverride) {
          state = NO_SCHEME;
          p--;
        } else {
          return null;
        }
        break;

      case SCHEME:
        if (isAlpha(c) || (c >= 0x30 && c <= 0x39) || c === 0x2b ||
            c === 0x2d || c === 0x2e) {
          // The rest of the scheme in one slice.
          let j = p + 1;
          for (; j < len; j++) {
            const d = input.charCodeAt(j);
            if (!(isAlpha(d) || (d >= 0x30 && d <= 0x39) || d === 0x2b ||
                  d === 0x2d || d === 0x2e)) break;
          }
          buffer += input.slice(p, j).toLowerCase();
          p = j - 1;
        } else if (c === 0x3a) {
          const bufferSpecial = isSpecialScheme(buffer);
          if (stateOverride) {
            if (special !== bufferSpecial) return url;
            if ((url.username !== '' || url.password !== '' ||
                 url.port !== null) && buffer === 'file') return url;
            if (url.scheme === 'file' && url.host === '') return url;
          }
          url.scheme = buffer;
          special = bufferSpecial;
          if (stateOverride) {
            if (url.port === defaultPort(url.scheme)) url.port = null;
            return url;
          }
          buffer = '';
          if (url.scheme === 'file') {
            state = FILE;
          } else if (special && base && base.scheme === url.scheme) {
            state = SPECIAL_RELATIVE_OR_AUTHORITY;
          } else if (special) {
            state = SPECIAL_AUTHORITY_SLASHES;
          } else if (p + 1 < len && input.charCodeAt(p + 1) === 0x2f) {
            state = PATH_OR_AUTHORITY;
            p++;
          } else {
            url.path = '';
            state = OPAQUE_PATH;
          }
        } else if (!stateOverride) {
          buffer = '';
          state = NO_SCHEME;
          p = -1;
        } else {
          return null;
        }
        break;

      case NO_SCHEME:
        if (!base || (typeof base.path === 'string' && c !== 0x23)) return null;
        if (typeof base.path === 'string' && c === 0x23) {
          url.scheme = base.scheme;
          special = isSpecialScheme(url.scheme);
          url.path = base.path;
          url.query = base.query;
          url.fragment = '';
          state = FRAGMENT;
        } else if (base.scheme !== 'file') {
          state = RELATIVE;
          p--;
        } else {
          state = FILE;
          p--;
        }
        break;

      case SPECIAL_RELATIVE_OR_AUTHORITY:
        if (c === 0x2f && p + 1 < len && input.charCodeAt(p + 1) === 0x2f) {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
          p++;
        } else {
          state = RELATIVE;
          p--;
        }
        break;

      case PATH_OR_AUTHORITY:
        if (c === 0x2f) {
          state = AUTHORITY;
        } else {
          state = PATH;
          p--;
        }
        break;

      case RELATIVE:
        url.scheme = base.scheme;
        special = isSpecialScheme(url.scheme);
        if (c === 0x2f || (special && c === 0x5c)) {
          state = RELATIVE_SLASH;
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          url.path = base.path.slice();
          url.query = base.query;
          if (c === 0x3f) {
            url.query = '';
            state = QUERY;
          } else if (c === 0x23) {
            url.fragment = '';
            state = FRAGMENT;
          } else if (c !== EOF) {
            url.query = null;
            shortenPath(url);
            state = PATH;
            p--;
          }
        }
        break;

      case RELATIVE_SLASH:
        if (special && (c === 0x2f || c === 0x5c)) {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
        } else if (c === 0x2f) {
          state = AUTHORITY;
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          state = PATH;
          p--;
        }
        break;

      case SPECIAL_AUTHORITY_SLASHES:
        state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
        if (c === 0x2f && p + 1 < len && input.charCodeAt(p + 1) === 0x2f) p++;
        else p--;
        break;

      case SPECIAL_AUTHORITY_IGNORE_SLASHES:
        if (c !== 0x2f && c !== 0x5c) {
          state = AUTHORITY;
          p--;
        }
        break;

      case AUTHORITY: {
        // Find the end of the authority, then its last '@': what comes
        // before is the userinfo (earlier '@'s are part of it, encoded).
        let end = p;
        for (; end < len; end++) {
          const d = input.charCodeAt(end);
          if (d === 0x2f || d === 0x3f || d === 0x23 || (special && d === 0x5c)) break;
        }
        const at = input.lastIndexOf('@', end - 1);
        if (at >= p) {
          atSignSeen = true;
          const userinfo = input.slice(p, at);
          const colon = userinfo.indexOf(':');
          if (colon === -1) {
            url.username += percentEncode(userinfo, USERINFO_SET);
          } else {
            url.username += percentEncode(userinfo.slice(0, colon), USERINFO_SET);
            url.password += percentEncode(userinfo.slice(colon + 1), USERINFO_SET);
            passwordTokenSeen = true;
          }
          if (at + 1 === end) return null;
          p = at;
        } else {
          p--;
        }
        state = HOST;
        break;
      }

      case HOST:
      case HOSTNAME:
        if (stateOverride && url.scheme === 'file') {
          p--;
          state = FILE_HOST;
        } else if (c === 0x3a && !insideBrackets) {
          if (buffer === '') return null;
          if (stateOverride === HOSTNAME) return null;
          const host = parseHost(buffer, !special);
          if (host === null) return null;
          url.host = host;
          buffer = '';
          state = PORT;
        } else if (c === EOF || c === 0x2f || c === 0x3f || c === 0x23 ||
                   (special && c === 0x5c)) {
          p--;
          if (special && buffer === '') return null;
          if (stateOverride && buffer === '' &&
              (url.username !== '' || url.password !== '' || url.port !== null)) {
            return null;
          }
          const host = parseHost(buffer, !special);
          if (host === null) return null;
          url.host = host;
          buffer = '';
          state = PATH_START;
          if (stateOverride) return url;
        } else {
          if (c === 0x5b) insideBrackets = true;
          else if (c === 0x5d) insideBrackets = false;
          // The plain run up to the next character that matters.
          let j = p + 1;
          for (; j < len; j++) {
            const d = input.charCodeAt(j);
            if (d === 0x3a || d === 0x2f || d === 0x3f || d === 0x23 ||
                d === 0x5c || d === 0x5b || d === 0x5d) break;
          }
          buffer += input.slice(p, j);
          p = j - 1;
        }
        break;

      case PORT:
        if (c >= 0x30 && c <= 0x39) {
          buffer += String.fromCharCode(c);
        } else if (c === EOF || c === 0x2f || c === 0x3f || c === 0x23 ||
                   (special && c === 0x5c) || stateOverride) {
          if (buffer !== '') {
            let port = 0;
            for (let i = 0; i < buffer.length; i++) {
              port = port * 10 + (buffer.charCodeAt(i) - 0x30);
              if (port > 65535) return null;
            }
            url.port = port === defaultPort(url.scheme) ? null : port;
            buffer = '';
            if (stateOverride) return url;
          }
          if (stateOverride) return null;
          state = PATH_START;
          p--;
        } else {
          return null;
        }
        break;

      case FILE:
        url.scheme = 'file';
        special = true;
        url.host = '';
        if (c === 0x2f || c === 0x5c) {
          state = FILE_SLASH;
        } else if (base && base.scheme === 'file') {
          url.host = base.host;
          url.path = base.path.slice();
          url.query = base.query;
          if (c === 0x3f) {
            url.query = '';
            state = QUERY;
          } else if (c === 0x23) {
            url.fragment = '';
            state = FRAGMENT;
          } else if (c !== EOF) {
            url.query = null;
            if (!startsWithWindowsDriveLetter(input, p)) shortenPath(url);
            else url.path = [];
            state = PATH;
            p--;
          }
        } else {
          state = PATH;
          p--;
        }
        break;

      case FILE_SLASH:
        if (c === 0x2f || c === 0x5c) {
          state = FILE_HOST;
        } else {
          if (base && base.scheme === 'file') {
            url.host = base.host;
            if (!startsWithWindowsDriveLetter(input, p) && base.path.length > 0 &&
                isWindowsDriveLetter(base.path[0], true)) {
              url.path.push(base.path[0]);
            }
          }
          state = PATH;
          p--;
        }
        break;

      case FILE_HOST:
        if (c === EOF || c === 0x2f || c === 0x5c || c === 0x3f || c === 0x23) {
          p--;
          if (!stateOverride && isWindowsDriveLetter(buffer, false)) {
            state = PATH;
          } else if (buffer === '') {
            url.host = '';
            if (stateOverride) return url;
            state = PATH_START;
          } else {
            let host = parseHost(buffer, !special);
            if (host === null) return null;
            if (host === 'localhost') host = '';
            url.host = host;
            if (stateOverride) return url;
            buffer = '';
            state = PATH_START;
          }
        } else {
          buffer += input[p];
        }
        break;

      case PATH_START:
        if (special) {
          state = PATH;
          if (c !== 0x2f && c !== 0x5c) p--;
        } else if (!stateOverride && c === 0x3f) {
          url.query = '';
          state = QUERY;
        } else if (!stateOverride && c === 0x23) {
          url.fragment = '';
          state = FRAGMENT;
        } else if (c !== EOF) {
          state = PATH;
          if (c !== 0x2f) p--;
        } else if (stateOverride && url.host === null) {
          url.path.push('');
        }
        break;

      case PATH:
        if (c === EOF || c === 0x2f || (special && c === 0x5c) ||
            (!stateOverride && (c === 0x3f || c === 0x23))) {
          const slash = c === 0x2f || (special && c === 0x5c);
          if (isDoubleDot(buffer)) {
            // Node 20's parser (ada) leaves a non-special path empty when a
            // final '..' had nothing to remove ('sc:/..' is 'sc:'); the
            // standard would make it '/'.
            const hadSegment = url.path.length > 0;
            shortenPath(url);
            if (!slash && (special || hadSegment)) url.path.push('');
          } else if (isSingleDot(buffer)) {
            if (!slash) url.path.push('');
          } else {
            if (url.scheme === 'file' && url.path.length === 0 &&
                isWindowsDriveLetter(buffer, false)) {
              buffer = buffer[0] + ':';
            }
            url.path.push(buffer);
          }
          buffer = '';
          if (c === 0x3f) {
            url.query = '';
            state = QUERY;
          } else if (c === 0x23) {
            url.fragment = '';
            state = FRAGMENT;
          }
        } else {
          let j = p + 1;
          for (; j < len; j++) {
            const d = input.charCodeAt(j);
            if (d === 0x2f || (special && d === 0x5c) ||
                (!stateOverride && (d === 0x3f || d === 0x23))) break;
          }
          buffer += percentEncode(input.slice(p, j), PATH_SET);
          p = j - 1;
        }
        break;

      case OPAQUE_PATH:
        if (c === 0x3f) {
          url.query = '';
          state = QUERY;
        } else if (c === 0x23) {
          url.fragment = '';
          state = FRAGMENT;
        } else if (c !== EOF) {
          let j = p + 1;
          for (; j < len; j++) {
            const d = input.charCodeAt(j);
            if (d === 0x3f || d === 0x23) break;
          }
          url.path += percentEncode(input.slice(p, j), C0_CONTROL_SET);
          p = j - 1;
        }
        break;

      case QUERY: {
        let j = p;
        if (stateOverride) j = len;
        else {
          j = input.indexOf('#', p);
          if (j === -1) j = len;
        }
        url.query += percentEncode(input.slice(p, j),
          special ? SPECIAL_QUERY_SET : QUERY_SET);
        p = j;
        if (j < len) {
          url.fragment = '';
          state = FRAGMENT;
        } else {
          return url;
        }
        break;
      }

      case FRAGMENT:
        url.fragment += percentEncode(input.slice(p), FRAGMENT_SET);
        return url;

      default:
        throw new Error('unreachable URL parser state');
    }
    // A state that stepped back at the end sees EOF again.
    if (c === EOF && p >= len) return url;
  }
}

// --- serializers ---------------------------------------------------------

function serializePath(url) {
  const path = url.path;
  if (typeof path === 'string') return path;
  let out = '';
  for (let i = 0; i < path.length; i++) out += '/' + path[i];
  return out;
}

function serialize(url, excludeFragment) {
  let out = url.scheme + ':';
  if (url.host !== null) {
    out += '//';
    if (url.username !== '' || url.password !== '') {
      out += url.username;
      if (url.password !== '') out += ':' + url.password;
      out += '@';
    }
    out += url.host;
    if (url.port !== null) out += ':' + url.port;
  } else if (typeof url.path !== 'string' && url.path.length > 1 &&
             url.path[0] === '') {
    out += '/.';
  }
  out += serializePath(url);
  if (url.query !== null) out += '?' + url.query;
  if (!excludeFragment && url.fragment !== null) out += '#' + url.fragment;
  return out;
}

function origin(url) {
  switch (url.scheme) {
    case 'blob': {
      const inner = parse(serializePath(url));
      if (inner !== null && (inner.scheme === 'http' || inner.scheme === 'https')) {
        return origin(inner);
      }
      return 'null';
    }
    case 'ftp': case 'http': case 'https': case 'ws': case 'wss':
      return url.scheme + '://' + url.host +
        (url.port !== null ? ':' + url.port : '');
    default:
      return 'null';
  }
}

module.exports = {
  parse,
  parseSlow: runStateMachine,
  fastScan,
  fastOffsets,
  fastRecord,
  serialize,
  serializePath,
  origin,
  parseHost,
  domainToASCII,
  domainToUnicode,
  percentEncode,
  percentDecode,
  percentDecodeBytes,
  utf8Decode,
  defaultPort,
  isSpecialScheme,
  states: { SCHEME_START, HOST, HOSTNAME, PORT, PATH_START, QUERY, FRAGMENT },
  sets: {
    C0_CONTROL_SET, FRAGMENT_SET, QUERY_SET, SPECIAL_QUERY_SET, PATH_SET,
    USERINFO_SET, COMPONENT_SET, FORM_SET,
  },
};
