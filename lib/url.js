// node:url - the WHATWG URL API (internal/url) and the legacy url.parse,
// url.format, url.resolve and Url (internal/url/legacy).
'use strict';

const { codes } = require('internal/errors');
const {
  URL, URLSearchParams, isURL, recordOf, fileURLToPath, pathToFileURL,
  urlToHttpOptions, domainToASCII, domainToUnicode,
} = require('internal/url');
const { Url, urlParse, urlResolve, urlResolveObject } = require('internal/url/legacy');
const parser = require('internal/url/parser');

// url.format(URL, { auth, fragment, search, unicode }): the href with
// parts left out, or the host in Unicode.
function formatWHATWG(url, options) {
  let fragment = true;
  let unicode = false;
  let search = true;
  let auth = true;
  if (options) {
    if (typeof options !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('options', 'object', options);
    }
    if (options.fragment != null) fragment = Boolean(options.fragment);
    if (options.unicode != null) unicode = Boolean(options.unicode);
    if (options.search != null) search = Boolean(options.search);
    if (options.auth != null) auth = Boolean(options.auth);
  }
  const record = { ...recordOf(url) };
  if (!auth) {
    record.username = '';
    record.password = '';
  }
  if (!search) record.query = null;
  if (unicode && record.host !== null && record.host !== '' &&
      record.host.charCodeAt(0) !== 0x5b) {
    const host = parser.domainToUnicode(record.host);
    if (host !== null) record.host = host;
  }
  return parser.serialize(record, !fragment);
}

function urlFormat(urlObject, options) {
  if (typeof urlObject === 'string') {
    urlObject = urlParse(urlObject);
  } else if (typeof urlObject !== 'object' || urlObject === null) {
    throw new codes.ERR_INVALID_ARG_TYPE('urlObject', ['Object', 'string'], urlObject);
  } else if (isURL(urlObject)) {
    return formatWHATWG(urlObject, options);
  }
  return Url.prototype.format.call(urlObject);
}

module.exports = {
  Url,
  parse: urlParse,
  resolve: urlResolve,
  resolveObject: urlResolveObject,
  format: urlFormat,
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,
  pathToFileURL,
  fileURLToPath,
  urlToHttpOptions,
};
