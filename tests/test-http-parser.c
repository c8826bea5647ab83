/*
 * test-http-parser.c - the HTTP/1.1 parser: a corpus of valid and invalid
 * requests and responses, each parsed whole, split at every point, and fed
 * one byte at a time, with identical results; and the same corpus parsed by
 * Debian's libhttp-parser (http-parser 2.9, the oracle), which must agree
 * on every valid input and refuse every invalid one, except the listed
 * differences where ours is the stricter.
 *
 * What a parse did is written down as a log, one line per event, with the
 * pieces of a data callback joined:
 *
 *   begin / url=... / status=... / field=... / value=... /
 *   headers request GET 1.1 (or: headers response 200 1.1) /
 *   chunk=N / chunk-done / body=... / done keep-alive=K /
 *   upgrade rest=... / error=NAME@OFFSET / eof (or: eof error=NAME@OFFSET)
 */
#include "test-util.h"

#define HPU_CHECK(cond) assert_true(cond)
#include "http-parser-util.h"

/* --- the corpus ---------------------------------------------------------- */

#define REQ ND_HTTP_REQUEST
#define RES ND_HTTP_RESPONSE
#define LENIENT ND_HTTP_LENIENT

struct sample {
  const char *name;
  int type;
  unsigned opts;
  int head;             /* a response to HEAD: on_headers_complete says 1 */
  const char *in;
  int err;              /* 0: valid */
  long off;             /* where the error is */
  const char *log;      /* the log, when asserted (NULL: not) */
  const char *oracle;   /* why the oracle differs, or NULL: it agrees */
  size_t max_hdr;       /* a header limit other than the default */
};

#define GET1 "GET / HTTP/1.1\r\nHost: a\r\n\r\n"
/* More whitespace than the parser holds back at the end of a value. */
#define SP35 "                                   "
#define SP70 SP35 SP35

static const struct sample corpus[] = {
  /* --- valid requests --------------------------------------------------- */
  {"simple GET", REQ, 0, 0, "GET /index.html HTTP/1.1\r\nHost: example.com\r\n\r\n",
   0, -1,
   "begin\nurl=/index.html\nfield=Host\nvalue=example.com\n"
   "headers request GET 1.1\ndone keep-alive=1\neof\n", NULL, 0},
  {"browser GET", REQ, 0, 0,
   "GET /favicon.ico?x=1&y=%20 HTTP/1.1\r\n"
   "Host: 0.0.0.0=5000\r\n"
   "User-Agent: Mozilla/5.0 (X11; U; Linux i686; en-US; rv:1.9) Gecko/2008061015 Firefox/3.0\r\n"
   "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n"
   "Accept-Language: en-us,en;q=0.5\r\n"
   "Accept-Encoding: gzip,deflate\r\n"
   "Accept-Charset: ISO-8859-1,utf-8;q=0.7,*;q=0.7\r\n"
   "Keep-Alive: 300\r\n"
   "Connection: keep-alive\r\n"
   "\r\n", 0, -1, NULL, NULL, 0},
  {"OWS trimmed, case-insensitive framing names, repeated headers", REQ, 0, 0,
   "POST /p HTTP/1.1\r\nX-A:  one \t\r\ncOnTeNt-LeNgTh:\t 3 \r\nX-A:two\r\n"
   "X-Empty:   \r\n\r\nabc",
   0, -1,
   "begin\nurl=/p\nfield=X-A\nvalue=one\nfield=cOnTeNt-LeNgTh\nvalue=3\n"
   "field=X-A\nvalue=two\nfield=X-Empty\nvalue=\nheaders request POST 1.1\n"
   "body=abc\ndone keep-alive=1\neof\n", NULL, 0},
  {"interior whitespace kept", REQ, 0, 0,
   "GET / HTTP/1.1\r\nX: a  \t b\r\n\r\n", 0, -1,
   "begin\nurl=/\nfield=X\nvalue=a  \t b\nheaders request GET 1.1\n"
   "done keep-alive=1\neof\n", NULL, 0},
  {"pipelined", REQ, 0, 0,
   "GET /1 HTTP/1.1\r\n\r\nPOST /2 HTTP/1.1\r\nContent-Length: 2\r\n\r\nhi"
   "HEAD /3 HTTP/1.1\r\n\r\n", 0, -1,
   "begin\nurl=/1\nheaders request GET 1.1\ndone keep-alive=1\n"
   "begin\nurl=/2\nfield=Content-Length\nvalue=2\nheaders request POST 1.1\n"
   "body=hi\ndone keep-alive=1\n"
   "begin\nurl=/3\nheaders request HEAD 1.1\ndone keep-alive=1\neof\n",
   NULL, 0},
  {"empty lines before a request", REQ, 0, 0, "\r\n\r\n" GET1, 0, -1, NULL,
   NULL, 0},
  {"chunked with extensions and trailers", REQ, 0, 0,
   "POST /c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
   "5;name=value;q=\"a b\"\r\nhello\r\n"
   "1A\r\nabcdefghijklmnopqrstuvwxyz\r\n"
   "0;last\r\nX-Sum: 31\r\nX-More: yes\r\n\r\n", 0, -1,
   "begin\nurl=/c\nfield=Transfer-Encoding\nvalue=chunked\n"
   "headers request POST 1.1\nchunk=5\nbody=hello\nchunk-done\n"
   "chunk=26\nbody=abcdefghijklmnopqrstuvwxyz\nchunk-done\nchunk=0\n"
   "field=X-Sum\nvalue=31\nfield=X-More\nvalue=yes\nchunk-done\n"
   "done keep-alive=1\neof\n", NULL, 0},
  {"Transfer-Encoding list ending in chunked", REQ, 0, 0,
   "POST / HTTP/1.1\r\ntransfer-encoding: gzip,  CHUNKED\r\n\r\n"
   "3\r\nabc\r\n0\r\n\r\n", 0, -1, NULL,
   NULL, 0},
  {"HTTP/1.0 closes", REQ, 0, 0, "GET / HTTP/1.0\r\n\r\n", 0, -1,
   "begin\nurl=/\nheaders request GET 1.0\ndone keep-alive=0\neof\n", NULL,
   0},
  {"HTTP/1.0 keep-alive", REQ, 0, 0,
   "GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n" "GET /2 HTTP/1.0\r\n\r\n",
   0, -1, NULL, NULL, 0},
  {"HTTP/1.1 Connection: close", REQ, 0, 0,
   "GET / HTTP/1.1\r\nConnection: foo, close\r\n\r\n", 0, -1, NULL, NULL, 0},
  {"upgrade hands the rest back", REQ, 0, 0,
   "GET /chat HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\n"
   "Connection: keep-alive, Upgrade\r\n\r\n\x81\x05hello", 0, -1,
   "begin\nurl=/chat\nfield=Host\nvalue=a\nfield=Upgrade\nvalue=websocket\n"
   "field=Connection\nvalue=keep-alive, Upgrade\nheaders request GET 1.1\n"
   "done keep-alive=1\nupgrade rest=\x81\x05hello\n", NULL, 0},
  {"upgrade after a body", REQ, 0, 0,
   "POST /up HTTP/1.1\r\nUpgrade: h2c\r\nConnection: Upgrade, HTTP2-Settings\r\n"
   "Content-Length: 3\r\n\r\nabcPRI * HTTP/2.0\r\n", 0, -1,
   "begin\nurl=/up\nfield=Upgrade\nvalue=h2c\nfield=Connection\n"
   "value=Upgrade, HTTP2-Settings\nfield=Content-Length\nvalue=3\n"
   "headers request POST 1.1\nbody=abc\ndone keep-alive=1\n"
   "upgrade rest=PRI * HTTP/2.0\r\n\n", NULL, 0},
  {"an empty Upgrade is no upgrade", REQ, 0, 0,
   "GET / HTTP/1.1\r\nUpgrade: \r\nConnection: upgrade\r\n\r\n" GET1, 0, -1,
   "begin\nurl=/\nfield=Upgrade\nvalue=\nfield=Connection\nvalue=upgrade\n"
   "headers request GET 1.1\ndone keep-alive=1\nbegin\nurl=/\nfield=Host\n"
   "value=a\nheaders request GET 1.1\ndone keep-alive=1\neof\n", NULL, 0},
  {"Upgrade without Connection: upgrade is ignored", REQ, 0, 0,
   "GET / HTTP/1.1\r\nUpgrade: h2c\r\n\r\n" GET1, 0, -1, NULL, NULL, 0},
  {"CONNECT hands the rest back", REQ, 0, 0,
   "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n"
   "\x16\x03\x01", 0, -1,
   "begin\nurl=example.com:443\nfield=Host\nvalue=example.com:443\n"
   "headers request CONNECT 1.1\ndone keep-alive=1\nupgrade rest=\x16\x03\x01\n",
   NULL, 0},
  {"WebDAV and other registered methods", REQ, 0, 0,
   "PROPFIND /d HTTP/1.1\r\n\r\nMKCOL /e HTTP/1.1\r\n\r\n"
   "M-SEARCH * HTTP/1.1\r\n\r\nPURGE /f HTTP/1.1\r\n\r\n"
   "UNLOCK /g HTTP/1.1\r\n\r\nMKCALENDAR /h HTTP/1.1\r\n\r\n"
   "OPTIONS * HTTP/1.1\r\n\r\nPATCH /i HTTP/1.1\r\n\r\n"
   "SUBSCRIBE /j HTTP/1.1\r\n\r\nREPORT /k HTTP/1.1\r\n\r\n", 0, -1, NULL,
   NULL, 0},
  {"absolute-form target", REQ, 0, 0,
   "GET http://a.example:8080/p?q=[1]#frag HTTP/1.1\r\n\r\n", 0, -1, NULL,
   NULL, 0},
  {"Content-Length: 0 and a large length", REQ, 0, 0,
   "POST / HTTP/1.1\r\nContent-Length: 0\r\n\r\n"
   "PUT / HTTP/1.1\r\nContent-Length: 000010\r\n\r\n0123456789", 0, -1, NULL,
   NULL, 0},
  {"long header value", REQ, 0, 0,
   "GET / HTTP/1.1\r\nCookie: "
   "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
   "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
   "\r\n\r\n", 0, -1, NULL, NULL, 0},
  {"obs-text in a value", REQ, 0, 0,
   "GET / HTTP/1.1\r\nX-Name: caf\xc3\xa9\r\n\r\n", 0, -1, NULL, NULL, 0},

  {"a long run of whitespace inside a value", REQ, 0, 0,
   "GET / HTTP/1.1\r\nX: a" SP70 "b\r\n\r\n", 0, -1,
   "begin\nurl=/\nfield=X\nvalue=a" SP70 "b\nheaders request GET 1.1\n"
   "done keep-alive=1\neof\n", NULL, 0},

  /* --- valid responses -------------------------------------------------- */
  {"response with Content-Length", RES, 0, 0,
   "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Type: text/plain\r\n\r\nhello",
   0, -1,
   "begin\nstatus=OK\nfield=Content-Length\nvalue=5\nfield=Content-Type\n"
   "value=text/plain\nheaders response 200 1.1\nbody=hello\ndone keep-alive=1\n"
   "eof\n", NULL, 0},
  {"response read until close", RES, 0, 0,
   "HTTP/1.1 200 OK\r\nServer: x\r\n\r\nall of this, until the end", 0, -1,
   "begin\nstatus=OK\nfield=Server\nvalue=x\nheaders response 200 1.1\n"
   "body=all of this, until the end\ndone keep-alive=0\neof\n", NULL, 0},
  {"response to HEAD", RES, 0, 1,
   "HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n"
   "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", 0, -1, NULL, NULL,
   0},
  {"1xx, 204 and 304 have no body", RES, 0, 0,
   "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </s>\r\n\r\n"
   "HTTP/1.1 204 No Content\r\n\r\n"
   "HTTP/1.1 304 Not Modified\r\n\r\n"
   "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", 0, -1,
   "begin\nstatus=Continue\nheaders response 100 1.1\ndone keep-alive=1\n"
   "begin\nstatus=Early Hints\nfield=Link\nvalue=</s>\n"
   "headers response 103 1.1\ndone keep-alive=1\n"
   "begin\nstatus=No Content\nheaders response 204 1.1\ndone keep-alive=1\n"
   "begin\nstatus=Not Modified\nheaders response 304 1.1\ndone keep-alive=1\n"
   "begin\nstatus=OK\nfield=Content-Length\nvalue=2\nheaders response 200 1.1\n"
   "body=ok\ndone keep-alive=1\neof\n", NULL, 0},
  {"304 with a Content-Length has no body", RES, 0, 0,
   "HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n"
   "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", 0, -1,
   "begin\nstatus=Not Modified\nfield=Content-Length\nvalue=10\n"
   "headers response 304 1.1\ndone keep-alive=1\n"
   "begin\nstatus=OK\nfield=Content-Length\nvalue=2\nheaders response 200 1.1\n"
   "body=ok\ndone keep-alive=1\neof\n",
   "http-parser reads a body after a 304 that has a Content-Length; "
   "RFC 9110 15.4.5: a 304 has none", 0},
  {"chunked response", RES, 0, 0,
   "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
   "4\r\nWiki\r\n5\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\n\r\n", 0, -1,
   NULL, NULL, 0},
  {"response without reason phrase", RES, 0, 0,
   "HTTP/1.1 200 \r\nContent-Length: 0\r\n\r\nHTTP/1.1 404\r\nContent-Length: 0\r\n\r\n",
   0, -1, NULL, NULL, 0},
  {"response Transfer-Encoding not chunked: until close", RES, 0, 0,
   "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nxyz", 0, -1, NULL, NULL,
   0},
  {"HTTP/1.0 response", RES, 0, 0,
   "HTTP/1.0 200 OK\r\nContent-Length: 1\r\n\r\nx", 0, -1, NULL, NULL, 0},
  {"101 switching protocols", RES, 0, 0,
   "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
   "Connection: Upgrade\r\n\r\nframes", 0, -1, NULL, NULL, 0},

  /* --- invalid: smuggling ------------------------------------------------- */
  {"both Content-Length and Transfer-Encoding", REQ, 0, 0,
   "POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"
   "0\r\n\r\n", ND_EHTTP_CL_AND_TE, 65, NULL, NULL, 0},
  {"Transfer-Encoding then Content-Length", REQ, 0, 0,
   "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n"
   "0\r\n\r\n", ND_EHTTP_CL_AND_TE, 65, NULL, NULL, 0},
  {"two Content-Lengths, same value", REQ, 0, 0,
   "POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc",
   ND_EHTTP_DUPLICATE_CONTENT_LENGTH, 54, NULL, NULL, 0},
  {"two Content-Lengths, different values", REQ, 0, 0,
   "POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
   ND_EHTTP_CONFLICTING_CONTENT_LENGTH, 54, NULL, NULL, 0},
  {"Content-Length list", REQ, 0, 0,
   "POST / HTTP/1.1\r\nContent-Length: 3, 3\r\n\r\nabc",
   ND_EHTTP_INVALID_CONTENT_LENGTH, 34, NULL, NULL, 0},
  {"Content-Length with a sign", REQ, 0, 0,
   "POST / HTTP/1.1\r\nContent-Length: +3\r\n\r\nabc",
   ND_EHTTP_INVALID_CONTENT_LENGTH, 33, NULL, NULL, 0},
  {"Content-Length empty", REQ, 0, 0,
   "POST / HTTP/1.1\r\nContent-Length: \r\n\r\n",
   ND_EHTTP_INVALID_CONTENT_LENGTH, 34, NULL, NULL, 0},
  {"Content-Length too large", REQ, 0, 0,
   "POST / HTTP/1.1\r\nContent-Length: 99999999999999999999\r\n\r\n",
   ND_EHTTP_CONTENT_LENGTH_OVERFLOW, 51, NULL, NULL, 0},
  {"Transfer-Encoding of a request not ending in chunked", REQ, 0, 0,
   "POST / HTTP/1.1\r\nTransfer-Encoding: chunked, gzip\r\n\r\n",
   ND_EHTTP_INVALID_TRANSFER_ENCODING, 52, NULL, NULL, 0},
  {"Transfer-Encoding identity on a request", REQ, 0, 0,
   "POST / HTTP/1.1\r\nTransfer-Encoding: identity\r\n\r\nabc",
   ND_EHTTP_INVALID_TRANSFER_ENCODING, 47, NULL, NULL, 0},
  {"chunked twice", REQ, 0, 0,
   "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n"
   "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
   ND_EHTTP_INVALID_TRANSFER_ENCODING, 74, NULL,
   "http-parser accepts chunked applied twice; RFC 9112 6.1 forbids it", 0},
  {"chunked with a parameter", REQ, 0, 0,
   "POST / HTTP/1.1\r\nTransfer-Encoding: chunked;x=1\r\n\r\n0\r\n\r\n",
   ND_EHTTP_INVALID_TRANSFER_ENCODING, 50, NULL, NULL, 0},
  {"a Transfer-Encoding element with parameters but no coding", REQ, 0, 0,
   "POST / HTTP/1.1\r\nTransfer-Encoding: gzip, ;q=1, chunked\r\n\r\n"
   "0\r\n\r\n", ND_EHTTP_INVALID_TRANSFER_ENCODING, 42, NULL, NULL, 0},
  {"unknown codings before chunked", REQ, 0, 0,
   "POST / HTTP/1.1\r\nTransfer-Encoding: x, %gt, chunkedx, chunked\r\n\r\n"
   "0\r\n\r\n", 0, -1, NULL, NULL, 0},
  {"a coding that starts like chunked before chunked", REQ, 0, 0,
   "POST / HTTP/1.1\r\nTransfer-Encoding: chunke, chunked\r\n\r\n0\r\n\r\n",
   0, -1, NULL, "http-parser misreads a coding that is a prefix of chunked",
   0},
  {"a byte that is no token in Transfer-Encoding", REQ, 0, 0,
   "POST / HTTP/1.1\r\nTransfer-Encoding: gzip/x, chunked\r\n\r\n0\r\n\r\n",
   ND_EHTTP_INVALID_TRANSFER_ENCODING, 40, NULL, 
   "http-parser looks at the last coding only", 0},
  {"Transfer-Encoding chunked-false", REQ, 0, 0,
   "POST / HTTP/1.1\r\nTransfer-Encoding: chunked-false\r\n\r\n0\r\n\r\n",
   ND_EHTTP_INVALID_TRANSFER_ENCODING, 52, NULL, NULL, 0},
  {"more than 64 bytes of whitespace after a value", REQ, 0, 0,
   "GET / HTTP/1.1\r\nX: a" SP70 "\r\n\r\n", ND_EHTTP_INVALID_HEADER_VALUE,
   90, NULL, "http-parser takes any amount of whitespace after a value", 0},
  {"more than 64 bytes of whitespace after a Content-Length", REQ, 0, 0,
   "POST / HTTP/1.1\r\nContent-Length: 1" SP70 "\r\n\r\nx",
   ND_EHTTP_INVALID_HEADER_VALUE, 104, NULL,
   "http-parser takes any amount of whitespace after a value", 0},
  {"whitespace inside a Content-Length", REQ, 0, 0,
   "POST / HTTP/1.1\r\nContent-Length: 1" SP70 "2\r\n\r\nx",
   ND_EHTTP_INVALID_CONTENT_LENGTH, 34, NULL, NULL, 0},
  {"space before the colon", REQ, 0, 0,
   "POST / HTTP/1.1\r\nContent-Length : 3\r\n\r\nabc",
   ND_EHTTP_INVALID_HEADER_NAME, 31, NULL, 
   "http-parser takes whitespace before the colon into the name", 0},
  {"obsolete line folding", REQ, 0, 0,
   "GET / HTTP/1.1\r\nX-A: a\r\n b\r\n\r\n", ND_EHTTP_OBS_FOLD, 24, NULL,
   "http-parser joins folded lines", 0},
  {"folded Content-Length", REQ, 0, 0,
   "POST / HTTP/1.1\r\nContent-Length:\r\n 3\r\n\r\nabc",
   ND_EHTTP_INVALID_CONTENT_LENGTH, 33, NULL, "http-parser joins folded lines", 0},
  {"whitespace before the first header", REQ, 0, 0,
   "GET / HTTP/1.1\r\n Host: a\r\n\r\n", ND_EHTTP_INVALID_HEADER_NAME, 16,
   NULL, 
   "http-parser takes a first header line that starts with whitespace", 0},
  {"bare CR in a value", REQ, 0, 0,
   "GET / HTTP/1.1\r\nX: a\rb\r\n\r\n", ND_EHTTP_BARE_CR, 20, NULL, NULL, 0},
  {"bare CR ending the request line", REQ, 0, 0,
   "GET / HTTP/1.1\rHost: a\r\n\r\n", ND_EHTTP_BARE_CR, 14, NULL, NULL, 0},
  {"bare LF", REQ, 0, 0, "GET / HTTP/1.1\nHost: a\n\n", ND_EHTTP_BARE_LF, 14,
   NULL, "http-parser takes a bare LF as a line end (RFC 9112 2.2 allows "
   "either; we refuse unless lenient)", 0},
  {"bare LF ending the header section", REQ, 0, 0,
   "GET / HTTP/1.1\r\nHost: a\r\n\n", ND_EHTTP_BARE_LF, 25, NULL,
   "http-parser takes a bare LF as a line end", 0},
  {"NUL in a value", REQ, 0, 0, "GET / HTTP/1.1\r\nX: a\0b\r\n\r\n",
   ND_EHTTP_INVALID_HEADER_VALUE, 20, NULL, NULL, 0},
  {"control character in a value", REQ, 0, 0,
   "GET / HTTP/1.1\r\nX: a\x01" "b\r\n\r\n", ND_EHTTP_INVALID_HEADER_VALUE,
   20, NULL, NULL, 0},
  {"DEL in a value", REQ, 0, 0, "GET / HTTP/1.1\r\nX: a\x7f" "b\r\n\r\n",
   ND_EHTTP_INVALID_HEADER_VALUE, 20, NULL, NULL, 0},
  {"invalid character in a name", REQ, 0, 0,
   "GET / HTTP/1.1\r\nX(y): a\r\n\r\n", ND_EHTTP_INVALID_HEADER_NAME, 17,
   NULL, NULL, 0},
  {"empty header name", REQ, 0, 0, "GET / HTTP/1.1\r\n: a\r\n\r\n",
   ND_EHTTP_INVALID_HEADER_NAME, 16, NULL, NULL, 0},
  {"no colon", REQ, 0, 0, "GET / HTTP/1.1\r\nHost\r\n\r\n",
   ND_EHTTP_INVALID_HEADER_NAME, 20, NULL, NULL, 0},
  {"control character in the target", REQ, 0, 0,
   "GET /a\x01" "b HTTP/1.1\r\n\r\n", ND_EHTTP_INVALID_TARGET, 6, NULL, NULL,
   0},
  {"tab in the target", REQ, 0, 0, "GET /a\tb HTTP/1.1\r\n\r\n",
   ND_EHTTP_INVALID_TARGET, 6, NULL,
   "http-parser (non-strict build) takes a tab inside the target", 0},
  {"non-ASCII in the target", REQ, 0, 0, "GET /caf\xc3\xa9 HTTP/1.1\r\n\r\n",
   ND_EHTTP_INVALID_TARGET, 8, NULL,
   "http-parser (non-strict build) takes bytes above 0x7f in the target", 0},
  {"two spaces after the method", REQ, 0, 0, "GET  / HTTP/1.1\r\n\r\n",
   ND_EHTTP_INVALID_TARGET, 4, NULL,
   "http-parser skips repeated spaces before the target", 0},
  {"unknown method", REQ, 0, 0, "BREW /pot HTTP/1.1\r\n\r\n",
   ND_EHTTP_INVALID_METHOD, 4, NULL, NULL, 0},
  {"lower-case method", REQ, 0, 0, "get / HTTP/1.1\r\n\r\n",
   ND_EHTTP_INVALID_METHOD, 3, NULL, NULL, 0},
  {"over-long method", REQ, 0, 0, "UPDATEREDIRECTREFX / HTTP/1.1\r\n\r\n",
   ND_EHTTP_INVALID_METHOD, 17, NULL, NULL, 0},
  {"HTTP/0.9 request", REQ, 0, 0, "GET /\r\n\r\n", ND_EHTTP_INVALID_VERSION,
   5, NULL, "http-parser takes a request line without a version", 0},
  {"HTTP/2.0 version", REQ, 0, 0, "GET / HTTP/2.0\r\n\r\n",
   ND_EHTTP_INVALID_VERSION, 11, NULL,
   "http-parser takes any one-digit major version", 0},
  {"two-digit minor version", REQ, 0, 0, "GET / HTTP/1.10\r\n\r\n",
   ND_EHTTP_INVALID_VERSION, 14, NULL, NULL, 0},
  {"lower-case version", REQ, 0, 0, "GET / http/1.1\r\n\r\n",
   ND_EHTTP_INVALID_VERSION, 6, NULL, NULL, 0},
  {"chunk size overflow", REQ, 0, 0,
   "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
   "fffffffffffffffff\r\n", ND_EHTTP_CHUNK_SIZE_OVERFLOW, 62, NULL, NULL, 0},
  {"chunk size not hex", REQ, 0, 0,
   "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
   ND_EHTTP_INVALID_CHUNK_SIZE, 47, NULL, NULL, 0},
  {"space after the chunk size", REQ, 0, 0,
   "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5 \r\nhello\r\n0\r\n\r\n",
   ND_EHTTP_INVALID_CHUNK_SIZE, 48, NULL,
   "http-parser ignores spaces after the chunk size", 0},
  {"chunk data longer than its size", REQ, 0, 0,
   "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nhello\r\n0\r\n\r\n",
   ND_EHTTP_INVALID_CHUNK_DATA, 53, NULL, NULL, 0},
  {"control character in a chunk extension", REQ, 0, 0,
   "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3;a\x01\r\nabc\r\n0\r\n\r\n",
   ND_EHTTP_INVALID_CHUNK_EXTENSION, 50, NULL,
   "http-parser does not look inside chunk extensions", 0},
  {"data after Connection: close", REQ, 0, 0,
   "GET / HTTP/1.1\r\nConnection: close\r\n\r\n" GET1,
   ND_EHTTP_DATA_AFTER_CLOSE, 37, NULL, 
   "http-parser parses on after a message that ends the connection", 0},
  {"data after an HTTP/1.0 request", REQ, 0, 0,
   "GET / HTTP/1.0\r\n\r\n" GET1, ND_EHTTP_DATA_AFTER_CLOSE, 18, NULL, 
   "http-parser parses on after a message that ends the connection", 0},
  {"header section over the limit", REQ, 0, 0,
   "GET / HTTP/1.1\r\nX: 0123456789012345678901234567890123456789\r\n\r\n",
   ND_EHTTP_HEADER_OVERFLOW, 48, NULL,
   "http-parser's limit is 80 KiB, not configurable at run time", 48},
  {"header section exactly at the limit", REQ, 0, 0,
   "GET / HTTP/1.1\r\nX: 01234567890123456789012345678901234567890\r\n\r\n",
   0, -1, NULL, NULL, 64},
  {"too many headers", REQ, 0, 0,
   "GET / HTTP/1.1\r\na:1\r\nb:2\r\nc:3\r\nd:4\r\ne:5\r\nf:6\r\ng:7\r\nh:8\r\n"
   "i:9\r\n\r\n", ND_EHTTP_TOO_MANY_HEADERS, 56, NULL,
   "http-parser has no limit on the number of headers", 4096},
  {"a trailer section over the limit", REQ, 0, 0,
   "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n"
   "X-Trailer: 01234567890123456789012345678901234567890123456789\r\n\r\n",
   ND_EHTTP_HEADER_OVERFLOW, 114, NULL,
   "http-parser's limit is 80 KiB, not configurable at run time", 64},
  {"chunk extension over the limit", REQ, 0, 0,
   "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1;"
   "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\nx\r\n"
   "0\r\n\r\n",
   ND_EHTTP_HEADER_OVERFLOW, 111, NULL,
   "http-parser's limit is 80 KiB, not configurable at run time", 64},
  {"incomplete body", REQ, 0, 0,
   "POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc",
   ND_EHTTP_INCOMPLETE, 42, NULL, NULL, 0},
  {"incomplete headers", REQ, 0, 0, "GET / HTTP/1.1\r\nHost: a",
   ND_EHTTP_INCOMPLETE, 23, NULL, NULL, 0},
  {"a response fed to a request parser", REQ, 0, 0,
   "HTTP/1.1 200 OK\r\n\r\n", ND_EHTTP_INVALID_METHOD, 4, NULL, NULL, 0},
  {"status code with two digits", RES, 0, 0, "HTTP/1.1 20 OK\r\n\r\n",
   ND_EHTTP_INVALID_STATUS, 11, NULL,
   "http-parser takes one to three digits", 0},
  {"status code with four digits", RES, 0, 0, "HTTP/1.1 2000 OK\r\n\r\n",
   ND_EHTTP_INVALID_STATUS, 12, NULL, NULL, 0},
  {"control character in the reason", RES, 0, 0,
   "HTTP/1.1 200 O\x01K\r\n\r\n", ND_EHTTP_INVALID_STATUS, 14, NULL,
   "http-parser takes any byte but CR and LF in the reason phrase", 0},
  {"not a status line", RES, 0, 0, "ICY 200 OK\r\n\r\n",
   ND_EHTTP_INVALID_STATUS, 0, NULL, NULL, 0},
  {"response with both Content-Length and Transfer-Encoding", RES, 0, 0,
   "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n"
   "0\r\n\r\n", ND_EHTTP_CL_AND_TE, 65, NULL, NULL, 0},

  {"Connection list with an unknown token first", REQ, 0, 0,
   "GET / HTTP/1.1\r\nUpgrade: websocket\r\nConnection: keep-aliv, Upgrade\r\n"
   "\r\n\x81\x05hello", 0, -1,
   "begin\nurl=/\nfield=Upgrade\nvalue=websocket\nfield=Connection\n"
   "value=keep-aliv, Upgrade\nheaders request GET 1.1\ndone keep-alive=1\n"
   "upgrade rest=\x81\x05hello\n",
   "http-parser misses the upgrade token after an unknown one", 0},
  {"Transfer-Encoding list with an empty element", REQ, 0, 0,
   "POST / HTTP/1.1\r\nTransfer-Encoding: gzip, ,chunked\r\n\r\n"
   "3\r\nabc\r\n0\r\n\r\n", 0, -1, NULL,
   "http-parser refuses the empty element RFC 9110 5.6.1 says to ignore", 0},
  {"registered methods http-parser does not know", REQ, 0, 0,
   "QUERY /q HTTP/1.1\r\n\r\nUPDATEREDIRECTREF /r HTTP/1.1\r\n\r\n"
   "BASELINE-CONTROL /b HTTP/1.1\r\n\r\nLABEL /l HTTP/1.1\r\n\r\n", 0, -1,
   "begin\nurl=/q\nheaders request QUERY 1.1\ndone keep-alive=1\n"
   "begin\nurl=/r\nheaders request UPDATEREDIRECTREF 1.1\ndone keep-alive=1\n"
   "begin\nurl=/b\nheaders request BASELINE-CONTROL 1.1\ndone keep-alive=1\n"
   "begin\nurl=/l\nheaders request LABEL 1.1\ndone keep-alive=1\neof\n",
   "http-parser knows fewer methods than the IANA registry", 0},
  {"framing fields in a trailer are plain fields", REQ, 0, 0,
   "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\n"
   "Content-Length: nope\r\nTransfer-Encoding: gzip\r\n\r\n" GET1, 0, -1,
   "begin\nurl=/\nfield=Transfer-Encoding\nvalue=chunked\n"
   "headers request POST 1.1\nchunk=1\nbody=x\nchunk-done\nchunk=0\n"
   "field=Content-Length\nvalue=nope\nfield=Transfer-Encoding\nvalue=gzip\n"
   "chunk-done\ndone keep-alive=1\nbegin\nurl=/\nfield=Host\nvalue=a\n"
   "headers request GET 1.1\ndone keep-alive=1\neof\n",
   "http-parser checks a Content-Length in a trailer as if it framed the body",
   0},
  {"Content-Length followed by a tab", REQ, 0, 0,
   "POST / HTTP/1.1\r\nContent-Length: 3\t\r\n\r\nabc", 0, -1, NULL,
   "http-parser takes only spaces after the digits of a Content-Length", 0},
  {"a name that only starts like a framing header's", REQ, 0, 0,
   "POST / HTTP/1.1\r\nContent-Length: 3\r\nTransfer-Encodingx: chunked\r\n"
   "\r\nabc", 0, -1, NULL,
   "http-parser takes Transfer-Encodingx for Transfer-Encoding", 0},

  /* --- lenient: what Node's --insecure-http-parser lets through ---------- */
  {"lenient: bare LF", REQ, LENIENT, 0, "GET / HTTP/1.1\nHost: a\n\n", 0, -1,
   "begin\nurl=/\nfield=Host\nvalue=a\nheaders request GET 1.1\n"
   "done keep-alive=1\neof\n", NULL, 0},
  {"lenient: both Content-Length and Transfer-Encoding", REQ, LENIENT, 0,
   "POST / HTTP/1.1\r\nContent-Length: 30\r\nTransfer-Encoding: chunked\r\n\r\n"
   "3\r\nabc\r\n0\r\n\r\n", 0, -1,
   "begin\nurl=/\nfield=Content-Length\nvalue=30\nfield=Transfer-Encoding\n"
   "value=chunked\nheaders request POST 1.1\nchunk=3\nbody=abc\nchunk-done\n"
   "chunk=0\nchunk-done\ndone keep-alive=0\neof\n", 
   "http-parser refuses them together even when lenient", 0},
  {"lenient: control characters in a value", REQ, LENIENT, 0,
   "GET / HTTP/1.1\r\nX: a\x01\x7f" "b\r\n\r\n", 0, -1, NULL, NULL, 0},
  {"lenient: obs-fold joined", REQ, LENIENT, 0,
   "GET / HTTP/1.1\r\nX-A: a\r\n  b\r\n\r\n", 0, -1,
   "begin\nurl=/\nfield=X-A\nvalue=a  b\nheaders request GET 1.1\n"
   "done keep-alive=1\neof\n", NULL, 0},
  {"lenient: folded Content-Length still refused", REQ, LENIENT, 0,
   "POST / HTTP/1.1\r\nContent-Length: 1\r\n 2\r\n\r\nabc",
   ND_EHTTP_OBS_FOLD, 36, NULL, NULL, 0},
  {"lenient: identical duplicate Content-Length", REQ, LENIENT, 0,
   "POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc", 0,
   -1, NULL, "http-parser refuses a second Content-Length even when lenient",
   0},
  {"lenient: conflicting Content-Length still refused", REQ, LENIENT, 0,
   "POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd",
   ND_EHTTP_CONFLICTING_CONTENT_LENGTH, 54, NULL, NULL, 0},
  {"lenient: data after close", REQ, LENIENT, 0,
   "GET / HTTP/1.1\r\nConnection: close\r\n\r\n" GET1, 0, -1, NULL, NULL, 0},
  {"lenient: space after the chunk size", REQ, LENIENT, 0,
   "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5 \r\nhello\r\n0\r\n\r\n",
   0, -1, NULL, NULL, 0},
  {"lenient: bare CR still refused", REQ, LENIENT, 0,
   "GET / HTTP/1.1\r\nX: a\rb\r\n\r\n", ND_EHTTP_BARE_CR, 20, NULL, NULL, 0},
};

#define NSAMPLES (sizeof(corpus) / sizeof(corpus[0]))

static struct log log_a, log_b;

static void log_reset(struct log *l, const struct sample *t) {
  log_clear(l, t->head);
}

static void show_mismatch(const struct sample *t, const char *what,
                          const struct log *want, const struct log *got) {
  print_error("sample \"%s\": %s\n--- want\n%.*s--- got\n%.*s---\n", t->name,
              what, (int)want->len, want->buf, (int)got->len, got->buf);
}

/* One sample, parsed whole: the expected error, offset and log. */
static int check_whole(const struct sample *t, struct log *l) {
  size_t len = strlen(t->in);
  struct outcome o;

  /* Samples with a NUL write it as \0 and end at the last CRLF pair. */
  if (strstr(t->name, "NUL") != NULL)
    len += 1 + strlen(t->in + len + 1);
  log_reset(l, t);
  o = parse_ours(t->type, t->opts, t->max_hdr, t->in, len, NULL, 0, l);
  if (o.err != t->err || (t->err != 0 && (long)o.off != t->off)) {
    print_error("sample \"%s\": want %s@%ld, got %s@%llu\n%.*s", t->name,
                t->err ? nd_err_name(t->err) : "success", t->off,
                o.err ? nd_err_name(o.err) : "success",
                (unsigned long long)o.off, (int)l->len, l->buf);
    return -1;
  }
  if (t->log != NULL &&
      (l->len != strlen(t->log) || memcmp(l->buf, t->log, l->len) != 0)) {
    print_error("sample \"%s\": log\n--- want\n%s--- got\n%.*s---\n", t->name,
                t->log, (int)l->len, l->buf);
    return -1;
  }
  return 0;
}

static size_t sample_len(const struct sample *t) {
  size_t len = strlen(t->in);

  if (strstr(t->name, "NUL") != NULL)
    len += 1 + strlen(t->in + len + 1);
  return len;
}

static void test_corpus_whole(void **state) {
  size_t i, failed = 0;

  (void)state;
  for (i = 0; i < NSAMPLES; i++)
    if (check_whole(&corpus[i], &log_a) != 0)
      failed++;
  assert_int_equal(failed, 0);
}

/*
 * Every split point, and one byte at a time: the same outcome, and for a
 * valid input the same log (a data callback's pieces joined).
 */
static void test_corpus_splits(void **state) {
  static size_t cuts[4096];
  size_t i, k, len;
  struct outcome whole, o;

  (void)state;
  for (i = 0; i < NSAMPLES; i++) {
    const struct sample *t = &corpus[i];

    len = sample_len(t);
    assert_true(len < sizeof(cuts) / sizeof(cuts[0]));
    log_reset(&log_a, t);
    whole = parse_ours(t->type, t->opts, t->max_hdr, t->in, len, NULL, 0,
                       &log_a);
    for (k = 1; k < len; k++) {
      log_reset(&log_b, t);
      cuts[0] = k;
      o = parse_ours(t->type, t->opts, t->max_hdr, t->in, len, cuts, 1,
                     &log_b);
      if (o.err != whole.err || o.off != whole.off ||
          (whole.err == 0 && !same_log(&log_a, &log_b))) {
        print_error("split at %zu:\n", k);
        show_mismatch(t, "split differs", &log_a, &log_b);
        fail();
      }
    }
    for (k = 1; k < len; k++)
      cuts[k - 1] = k;
    log_reset(&log_b, t);
    o = parse_ours(t->type, t->opts, t->max_hdr, t->in, len, cuts,
                   len > 0 ? len - 1 : 0, &log_b);
    if (o.err != whole.err || o.off != whole.off ||
        (whole.err == 0 && !same_log(&log_a, &log_b))) {
      show_mismatch(t, "one byte at a time differs", &log_a, &log_b);
      fail();
    }
  }
}

/*
 * The oracle: agreement on every valid input; on every invalid one it
 * refuses too, unless the sample says why it does not.
 */
static void test_corpus_oracle(void **state) {
  size_t i, len, agreed = 0, differ = 0, failed = 0;
  int oracle_ok, same;

  (void)state;
  for (i = 0; i < NSAMPLES; i++) {
    const struct sample *t = &corpus[i];

    len = sample_len(t);
    log_reset(&log_a, t);
    parse_ours(t->type, t->opts, t->max_hdr, t->in, len, NULL, 0, &log_a);
    log_reset(&log_b, t);
    oracle_ok = parse_oracle(t->type, t->opts, t->in, len, &log_b) == 0;
    if (t->err == 0) {
      same = oracle_ok && same_log(&log_a, &log_b);
      if (t->oracle == NULL && !same) {
        show_mismatch(t, "the oracle disagrees on a valid input", &log_a,
                      &log_b);
        failed++;
      }
      if (t->oracle != NULL && same) {
        print_error("sample \"%s\": listed as different from the oracle "
                    "(%s), but it agrees\n", t->name, t->oracle);
        failed++;
      }
    } else {
      if (t->oracle == NULL && oracle_ok) {
        show_mismatch(t, "the oracle accepts an input we refuse, and the "
                      "difference is not listed", &log_a, &log_b);
        failed++;
      }
      if (t->oracle != NULL && !oracle_ok) {
        print_error("sample \"%s\": listed as accepted by the oracle (%s), "
                    "but it refuses it\n", t->name, t->oracle);
        failed++;
      }
    }
    if (t->oracle != NULL)
      differ++;
    else
      agreed++;
  }
  assert_int_equal(failed, 0);
  print_message("oracle: %zu samples agree, %zu listed differences\n", agreed,
                differ);
}


/* --- mutations: split-invariance and strictness on inputs nobody wrote --- */

static uint64_t rng_state = 0x9e3779b97f4a7c15ull;

static uint32_t rng(void) {
  /* xorshift64*: a fixed sequence, so a failure is reproducible. */
  rng_state ^= rng_state >> 12;
  rng_state ^= rng_state << 25;
  rng_state ^= rng_state >> 27;
  return (uint32_t)((rng_state * 0x2545f4914f6cdd1dull) >> 32);
}

/* Bytes that matter to the grammar, and some that never should appear. */
static const char mutation_bytes[] = "\r\n \t:;,0123456789aAfFzZ\"\x01\x7f\x80\xff-/";

static size_t mutate(char *out, size_t cap, const char *in, size_t len) {
  size_t n = len, i, k, pos;

  assert_true(len < cap - 8);
  memcpy(out, in, len);
  k = 1 + rng() % 3;
  for (i = 0; i < k && n > 0; i++) {
    pos = rng() % n;
    switch (rng() % 3) {
    case 0: /* replace */
      out[pos] = mutation_bytes[rng() % (sizeof(mutation_bytes) - 1)];
      break;
    case 1: /* delete */
      memmove(out + pos, out + pos + 1, n - pos - 1);
      n--;
      break;
    default: /* insert */
      if (n + 1 >= cap)
        break;
      memmove(out + pos + 1, out + pos, n - pos);
      out[pos] = mutation_bytes[rng() % (sizeof(mutation_bytes) - 1)];
      n++;
      break;
    }
  }
  return n;
}

/*
 * Thousands of mutated corpus samples: the outcome is the same whole, one
 * byte at a time and split at a random point; and whenever we accept one,
 * the oracle accepts it too and sees the same thing, or the input is of a
 * kind listed below where http-parser is the stricter by design.
 */
static void test_mutations(void **state) {
  static char buf[8192];
  static size_t cuts[8192];
  struct sample t;
  struct outcome whole, o;
  size_t k, len, accepted = 0, refused = 0, oracle_stricter = 0;
  int round;

  (void)state;
  for (round = 0; round < 100000; round++) {
    const struct sample *src = &corpus[rng() % NSAMPLES];

    t = *src;
    len = mutate(buf, sizeof(buf), src->in, sample_len(src));
    log_reset(&log_a, &t);
    whole = parse_ours(t.type, t.opts, t.max_hdr, buf, len, NULL, 0, &log_a);
    for (k = 1; k < len; k++)
      cuts[k - 1] = k;
    log_reset(&log_b, &t);
    o = parse_ours(t.type, t.opts, t.max_hdr, buf, len, cuts,
                   len > 0 ? len - 1 : 0, &log_b);
    if (o.err != whole.err || o.off != whole.off ||
        (whole.err == 0 && !same_log(&log_a, &log_b))) {
      print_error("mutation of \"%s\" (%zu bytes): '%.*s'\n", t.name, len,
                  (int)len, buf);
      show_mismatch(&t, "one byte at a time differs", &log_a, &log_b);
      fail();
    }
    if (len > 1) {
      cuts[0] = 1 + rng() % (len - 1);
      log_reset(&log_b, &t);
      o = parse_ours(t.type, t.opts, t.max_hdr, buf, len, cuts, 1, &log_b);
      if (o.err != whole.err || o.off != whole.off ||
          (whole.err == 0 && !same_log(&log_a, &log_b))) {
        print_error("mutation of \"%s\" split at %zu: '%.*s'\n", t.name,
                    cuts[0], (int)len, buf);
        show_mismatch(&t, "split differs", &log_a, &log_b);
        fail();
      }
    }
    if (whole.err != 0) {
      refused++;
      continue;
    }
    accepted++;
    if ((t.opts & ND_HTTP_LENIENT) || t.oracle != NULL)
      continue; /* meant to differ: lenient, or a listed difference */
    log_reset(&log_b, &t);
    if (parse_oracle(t.type, t.opts, buf, len, &log_b) != 0 ||
        !same_log(&log_a, &log_b)) {
      if (oracle_may_be_stricter(buf, len)) {
        oracle_stricter++;
        continue;
      }
      print_error("mutation of \"%s\": we accept, the oracle differs: "
                  "'%.*s'\n", t.name, (int)len, buf);
      show_mismatch(&t, "oracle", &log_a, &log_b);
      fail();
    }
  }
  print_message("mutations: %zu accepted, %zu refused, %zu where the oracle "
                "is stricter by a listed rule\n", accepted, refused,
                oracle_stricter);
}

/* --- the API around the corpus ----------------------------------------- */

static const struct sample plain_request = {"plain", REQ, 0, 0, "", 0, -1,
                                            NULL, NULL, 0};

static void test_error_codes(void **state) {
  static const struct {
    int code;
    const char *name;
  } codes[] = {
#define CODE(name, n, msg) {ND_##name, #name},
    ND_HTTP_ERRNO_MAP(CODE)
#undef CODE
  };
  size_t i, j, n = sizeof(codes) / sizeof(codes[0]);

  (void)state;
  assert_int_equal(n, 24);
  for (i = 0; i < n; i++) {
    assert_int_equal(codes[i].code, -4200 - (int)i);
    assert_string_equal(nd_err_name(codes[i].code), codes[i].name);
    assert_true(strncmp(nd_strerror(codes[i].code), "Unknown", 7) != 0);
    for (j = 0; j < i; j++)
      assert_string_not_equal(nd_strerror(codes[i].code),
                              nd_strerror(codes[j].code));
  }
  assert_string_equal(nd_strerror(ND_EHTTP_CL_AND_TE),
                      "both Content-Length and Transfer-Encoding");
  assert_string_equal(nd_err_name(ND_EHTTP_BARE_LF), "EHTTP_BARE_LF");
  assert_string_equal(nd_strerror(ND_EHTTP_LAST), "Unknown system error -4224");
}

/* Every method of the table parses to itself, and prints as sent. */
static void test_methods(void **state) {
  static const struct {
    int method;
    const char *name;
  } methods[] = {
#define METHOD(name, str) {ND_HTTP_##name, str},
    ND_HTTP_METHOD_MAP(METHOD)
#undef METHOD
  };
  char req[64];
  nd_http_parser_t p;
  size_t i, n;

  (void)state;
  assert_int_equal(sizeof(methods) / sizeof(methods[0]),
                   ND_HTTP_METHOD_COUNT - 1);
  for (i = 0; i < sizeof(methods) / sizeof(methods[0]); i++) {
    n = (size_t)snprintf(req, sizeof(req), "%s /x HTTP/1.1\r\n\r\n",
                         methods[i].name);
    assert_int_equal(nd_http_parser_init(&p, ND_HTTP_REQUEST, 0), 0);
    p.data = &log_a;
    log_reset(&log_a, &plain_request);
    assert_int_equal(nd_http_parser_execute(&p, &ours_settings, req, n),
                     (ssize_t)n);
    assert_int_equal(p.method, methods[i].method);
    assert_string_equal(nd_http_method_str(p.method), methods[i].name);
    assert_int_equal(p.upgrade, methods[i].method == ND_HTTP_CONNECT);
  }
  assert_string_equal(nd_http_method_str(0), "<unknown>");
  assert_string_equal(nd_http_method_str(ND_HTTP_METHOD_COUNT), "<unknown>");
  assert_string_equal(nd_http_method_str(-1), "<unknown>");
}

/* Parses in whole with ours; returns the error (0) and leaves p for more. */
static int parse_with(nd_http_parser_t *p, const char *in) {
  ssize_t n;

  p->data = &log_a;
  log_reset(&log_a, &plain_request);
  n = nd_http_parser_execute(p, &ours_settings, in, strlen(in));
  return n < 0 ? (int)n : 0;
}

static void test_keep_alive(void **state) {
  static const struct {
    int type;
    const char *in;
    int keep;
  } cases[] = {
    {REQ, "GET / HTTP/1.1\r\n\r\n", 1},
    {REQ, "GET / HTTP/1.1\r\nConnection: close\r\n\r\n", 0},
    {REQ, "GET / HTTP/1.1\r\nConnection: CLOSE\r\n\r\n", 0},
    {REQ, "GET / HTTP/1.1\r\nConnection: keep-alive\r\n\r\n", 1},
    {REQ, "GET / HTTP/1.1\r\nConnection: keep-alive, close\r\n\r\n", 0},
    {REQ, "GET / HTTP/1.1\r\nConnection: closed\r\n\r\n", 1},
    {REQ, "GET / HTTP/1.0\r\n\r\n", 0},
    {REQ, "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", 1},
    {REQ, "GET / HTTP/1.0\r\nConnection: x,  Keep-Alive \r\n\r\n", 1},
    {REQ, "GET / HTTP/1.0\r\nProxy-Connection: keep-alive\r\n\r\n", 1},
    {RES, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", 1},
    {RES, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
     0},
    {RES, "HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n", 0},
    {RES, "HTTP/1.1 204 No Content\r\n\r\n", 1},
  };
  nd_http_parser_t p;
  size_t i;

  (void)state;
  for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
    assert_int_equal(nd_http_parser_init(&p, cases[i].type, 0), 0);
    assert_int_equal(parse_with(&p, cases[i].in), 0);
    if (nd_http_should_keep_alive(&p) != cases[i].keep)
      fail_msg("%s: keep-alive %d", cases[i].in, !cases[i].keep);
  }
}

static void test_limits(void **state) {
  static char big[20000];
  nd_http_parser_t p;
  size_t n;

  (void)state;
  assert_int_equal(nd_http_parser_init(NULL, ND_HTTP_REQUEST, 0), ND_EINVAL);
  assert_int_equal(nd_http_parser_init(&p, 0, 0), ND_EINVAL);
  assert_int_equal(nd_http_parser_init(&p, ND_HTTP_REQUEST, 0x100),
                   ND_EINVAL);
  assert_int_equal(nd_http_parser_init(&p, ND_HTTP_REQUEST, 0), 0);
  assert_int_equal(p.max_header_size, 16384);
  assert_int_equal(p.max_headers, ND_HTTP_MAX_HEADERS);
  assert_int_equal(nd_http_parser_set_limits(&p, 0, 10), ND_EINVAL);
  assert_int_equal(nd_http_parser_set_limits(NULL, 10, 10), ND_EINVAL);

  /* The default limit: 16384 bytes of header section pass, 16385 not. */
  for (n = 16383; n <= 16384; n++) {
    const char *head = "GET / HTTP/1.1\r\nX: ";
    size_t h = strlen(head), fill = n - h - 4;

    memcpy(big, head, h);
    memset(big + h, 'a', fill);
    memcpy(big + h + fill, "\r\n\r\n", 5);
    assert_int_equal(nd_http_parser_init(&p, ND_HTTP_REQUEST, 0), 0);
    assert_int_equal(parse_with(&p, big), 0);
    assert_int_equal(p.nread, n);
    memcpy(big + h + fill, "a\r\n\r\n", 6);
    assert_int_equal(nd_http_parser_init(&p, ND_HTTP_REQUEST, 0), 0);
    assert_int_equal(parse_with(&p, big),
                     n == 16383 ? 0 : ND_EHTTP_HEADER_OVERFLOW);
    if (n == 16384)
      assert_int_equal(p.error_offset, 16384);
  }
  /* A larger limit, as with Node's --max-http-header-size. */
  assert_int_equal(nd_http_parser_init(&p, ND_HTTP_REQUEST, 0), 0);
  assert_int_equal(nd_http_parser_set_limits(&p, 32768, 100), 0);
  assert_int_equal(parse_with(&p, big), 0);

  /* Three headers allowed: the fourth is refused at its first byte. */
  assert_int_equal(nd_http_parser_init(&p, ND_HTTP_REQUEST, 0), 0);
  assert_int_equal(nd_http_parser_set_limits(&p, 1024, 3), 0);
  assert_int_equal(parse_with(&p, "GET / HTTP/1.1\r\na: 1\r\nb: 2\r\nc: 3\r\n"
                               "\r\n"), 0);
  assert_int_equal(nd_http_parser_init(&p, ND_HTTP_REQUEST, 0), 0);
  assert_int_equal(nd_http_parser_set_limits(&p, 1024, 3), 0);
  assert_int_equal(parse_with(&p, "GET / HTTP/1.1\r\na: 1\r\nb: 2\r\nc: 3\r\n"
                               "d: 4\r\n\r\n"), ND_EHTTP_TOO_MANY_HEADERS);
  assert_int_equal(p.error_offset, 34); /* the "d" */
}

static int fail_headers(nd_http_parser_t *p) {
  (void)p;
  return 7;
}

static void test_callback_stops(void **state) {
  nd_http_parser_settings_t s = ours_settings;
  nd_http_parser_t p;
  const char *in = "POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc";

  (void)state;
  assert_int_equal(nd_http_parser_init(&p, ND_HTTP_REQUEST, 0), 0);
  log_reset(&log_a, &plain_request);
  log_a.fail_at_body = 1;
  p.data = &log_a;
  assert_int_equal(nd_http_parser_execute(&p, &s, in, strlen(in)),
                   ND_EHTTP_CALLBACK);
  assert_int_equal(p.error, ND_EHTTP_CALLBACK);
  assert_int_equal(p.error_offset, strlen(in));
  /* Stopped is stopped. */
  assert_int_equal(nd_http_parser_execute(&p, &s, "x", 1), ND_EHTTP_CALLBACK);
  assert_int_equal(nd_http_parser_finish(&p, &s), ND_EHTTP_CALLBACK);

  s.on_headers_complete = fail_headers;
  assert_int_equal(nd_http_parser_init(&p, ND_HTTP_REQUEST, 0), 0);
  log_reset(&log_a, &plain_request);
  p.data = &log_a;
  assert_int_equal(nd_http_parser_execute(&p, &s, in, strlen(in)),
                   ND_EHTTP_CALLBACK);
  assert_int_equal(p.error_offset, strlen(in) - 3);
}

static void test_chunk_extensions(void **state) {
  const char *in = "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                   "2;a=b;c=\"d e\"\r\nhi\r\n0;z\r\n\r\n";
  const char *want = "begin\nurl=/\nfield=Transfer-Encoding\nvalue=chunked\n"
                     "headers request POST 1.1\next=;a=b;c=\"d e\"\nchunk=2\n"
                     "body=hi\nchunk-done\next=;z\nchunk=0\nchunk-done\n"
                     "done keep-alive=1\neof\n";
  size_t cuts[1], k, len = strlen(in);

  (void)state;
  for (k = 0; k < len; k++) {
    log_reset(&log_a, &plain_request);
    log_a.ext = 1;
    cuts[0] = k;
    parse_ours(REQ, 0, 0, in, len, cuts, k > 0, &log_a);
    assert_int_equal(log_a.len, strlen(want));
    assert_memory_equal(log_a.buf, want, log_a.len);
  }
}

static int tunnel_headers(nd_http_parser_t *p) {
  (void)p;
  return ND_HTTP_SKIP_BODY_UPGRADE;
}

/* A client's CONNECT: the 200 that answers it starts the tunnel. */
static void test_connect_response(void **state) {
  nd_http_parser_settings_t s = ours_settings;
  nd_http_parser_t p;
  const char *in = "HTTP/1.1 200 Connection established\r\n\r\n\x16\x03";
  ssize_t n;

  (void)state;
  s.on_headers_complete = tunnel_headers;
  assert_int_equal(nd_http_parser_init(&p, ND_HTTP_RESPONSE, 0), 0);
  log_reset(&log_a, &plain_request);
  p.data = &log_a;
  n = nd_http_parser_execute(&p, &s, in, strlen(in));
  assert_int_equal(n, strlen(in) - 2);
  assert_int_equal(p.upgrade, 1);
  assert_int_equal(p.nread, strlen(in) - 2);
  /* Nothing more is HTTP. */
  assert_int_equal(nd_http_parser_execute(&p, &s, "GET", 3), 0);
  assert_int_equal(nd_http_parser_finish(&p, &s), 0);
}

static int pause_done(nd_http_parser_t *p) {
  o_done(p);
  return ND_HTTP_PAUSE;
}

/* Pausing after each message: one call per pipelined request. */
static void test_pause(void **state) {
  nd_http_parser_settings_t s = ours_settings;
  nd_http_parser_t p;
  const char *in = "GET /1 HTTP/1.1\r\n\r\nPOST /2 HTTP/1.1\r\n"
                   "Content-Length: 2\r\n\r\nhiGET /3 HTTP/1.1\r\n\r\n";
  size_t len = strlen(in), off = 0;
  ssize_t n;
  int calls = 0;

  (void)state;
  s.on_message_complete = pause_done;
  assert_int_equal(nd_http_parser_init(&p, ND_HTTP_REQUEST, 0), 0);
  log_reset(&log_a, &plain_request);
  p.data = &log_a;
  while (off < len) {
    n = nd_http_parser_execute(&p, &s, in + off, len - off);
    assert_true(n > 0);
    off += (size_t)n;
    assert_int_equal(p.nread, off);
    calls++;
    if (calls == 1)
      assert_int_equal(n, 19); /* the first request, and nothing more */
  }
  assert_int_equal(calls, 3);
  assert_int_equal(nd_http_parser_finish(&p, &s), 0);
  log_event(&log_a, "eof");
  log_raw(&log_a, "", 1); /* a C string, to compare */
  assert_string_equal(log_a.buf,
                      "begin\nurl=/1\nheaders request GET 1.1\n"
                      "done keep-alive=1\nbegin\nurl=/2\n"
                      "field=Content-Length\nvalue=2\n"
                      "headers request POST 1.1\nbody=hi\n"
                      "done keep-alive=1\nbegin\nurl=/3\n"
                      "headers request GET 1.1\ndone keep-alive=1\neof\n");
}

static void test_finish(void **state) {
  nd_http_parser_t p;

  (void)state;
  /* Between messages: a clean end. */
  assert_int_equal(nd_http_parser_init(&p, ND_HTTP_REQUEST, 0), 0);
  assert_int_equal(parse_with(&p, "GET / HTTP/1.1\r\n\r\n"), 0);
  assert_int_equal(nd_http_parser_finish(&p, &ours_settings), 0);
  /* Inside the request line. */
  assert_int_equal(nd_http_parser_init(&p, ND_HTTP_REQUEST, 0), 0);
  assert_int_equal(parse_with(&p, "GET /inde"), 0);
  assert_int_equal(nd_http_parser_finish(&p, &ours_settings),
                   ND_EHTTP_INCOMPLETE);
  assert_int_equal(p.error_offset, 9);
  /* A body that ends with the connection ends the message. */
  assert_int_equal(nd_http_parser_init(&p, ND_HTTP_RESPONSE, 0), 0);
  assert_int_equal(parse_with(&p, "HTTP/1.1 200 OK\r\n\r\nabc"), 0);
  assert_int_equal(p.flags & ND_HTTP_F_UNTIL_CLOSE, ND_HTTP_F_UNTIL_CLOSE);
  assert_int_equal(nd_http_parser_finish(&p, &ours_settings), 0);
  assert_non_null(strstr(log_a.buf, "body=abc\ndone keep-alive=0\n"));
  /* Inside a chunk. */
  assert_int_equal(nd_http_parser_init(&p, ND_HTTP_RESPONSE, 0), 0);
  assert_int_equal(parse_with(&p, "HTTP/1.1 200 OK\r\nTransfer-Encoding: "
                               "chunked\r\n\r\n5\r\nab"), 0);
  assert_int_equal(nd_http_parser_finish(&p, &ours_settings),
                   ND_EHTTP_INCOMPLETE);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_corpus_whole),
    cmocka_unit_test(test_corpus_splits),
    cmocka_unit_test(test_corpus_oracle),
    cmocka_unit_test(test_mutations),
    cmocka_unit_test(test_error_codes),
    cmocka_unit_test(test_methods),
    cmocka_unit_test(test_keep_alive),
    cmocka_unit_test(test_limits),
    cmocka_unit_test(test_callback_stops),
    cmocka_unit_test(test_chunk_extensions),
    cmocka_unit_test(test_connect_response),
    cmocka_unit_test(test_finish),
    cmocka_unit_test(test_pause),
  };

  return cmocka_run_group_tests(tests, NULL, NULL);
}
