/*
 * http_parse.c - HTTP/1.1 parser throughput, bytes parsed per second.
 *
 * libuv has no HTTP parser, so this benchmark is the exception to "built
 * against libuv and against libnodec": the libnodec build measures
 * nd_http_parser, and the build that would be libuv's measures Debian's
 * http-parser 2.9 (the parser Node used before llhttp, and the test
 * oracle), reported as impl=http_parser.  bench/run.sh takes that as the
 * baseline of the ratio.
 *
 * Both parse the same buffers from memory with callbacks that only count
 * what they see (the least a real user does), for about a second each:
 *
 *   http_parse      a mix: a browser GET, a curl GET, a small POST with a
 *                   JSON body, a chunked response, 8 pipelined GETs;
 *   http_parse_get  the browser GET alone (the "typical browser
 *                   GET"), parsed as 8 pipelined requests per buffer.
 *
 * Run: make bench BENCH=http_parse
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <uv.h>

#include "bench.h"

#ifdef ND_HTTP_MAX_HEADER_SIZE
#define IMPL_NAME bench_impl()
#else
#include <http_parser.h>
#define IMPL_NAME "http_parser"
#endif

#define BROWSER_GET                                                          \
  "GET /wp-content/uploads/2010/03/hello-kitty-darth-vader-pink.jpg "         \
  "HTTP/1.1\r\n"                                                             \
  "Host: www.kittyhell.com\r\n"                                              \
  "User-Agent: Mozilla/5.0 (Macintosh; U; Intel Mac OS X 10.6; ja-JP-mac; "  \
  "rv:1.9.2.3) Gecko/20100401 Firefox/3.6.3 Pathtraq/0.9\r\n"                \
  "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;"      \
  "q=0.8\r\n"                                                                \
  "Accept-Language: ja,en-us;q=0.7,en;q=0.3\r\n"                             \
  "Accept-Encoding: gzip,deflate\r\n"                                        \
  "Accept-Charset: Shift_JIS,utf-8;q=0.7,*;q=0.7\r\n"                        \
  "Keep-Alive: 115\r\n"                                                      \
  "Connection: keep-alive\r\n"                                               \
  "Cookie: wp_ozh_wsa_visits=2; wp_ozh_wsa_visit_lasttime=xxxxxxxxxx; "      \
  "__utma=xxxxxxxxx.xxxxxxxxxx.xxxxxxxxxx.xxxxxxxxxx.xxxxxxxxxx.x; "         \
  "__utmz=xxxxxxxxx.xxxxxxxxxx.x.x.utmccn=(referral)|utmcsr=reader."         \
  "livedoor.com|utmcct=/reader/|utmcmd=referral\r\n"                         \
  "\r\n"
#define CURL_GET                                                             \
  "GET /api/v1/items?id=42 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"             \
  "User-Agent: curl/7.88.1\r\nAccept: */*\r\n\r\n"
#define JSON_POST                                                            \
  "POST /api/v1/items HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"                  \
  "Content-Type: application/json\r\nContent-Length: 47\r\n\r\n"             \
  "{\"name\":\"widget\",\"price\":9.99,\"tags\":[\"a\",\"b\"]}"
#define CHUNKED_RESPONSE                                                     \
  "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"                          \
  "Transfer-Encoding: chunked\r\n\r\n"                                       \
  "1a\r\nabcdefghijklmnopqrstuvwxyz\r\n10\r\n0123456789abcdef\r\n0\r\n\r\n"
#define SMALL_GET "GET / HTTP/1.1\r\nHost: a\r\n\r\n"

struct input {
  const char *data;
  size_t len;
  int response;
};

static uint64_t counted;    /* bytes and events the callbacks saw */

static double now(void) {
  struct timespec ts;

  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

#ifdef ND_HTTP_MAX_HEADER_SIZE
static int on_data(nd_http_parser_t *p, const char *at, size_t n) {
  (void)p;
  (void)at;
  counted += n;
  return 0;
}
static int on_event(nd_http_parser_t *p) {
  (void)p;
  counted++;
  return 0;
}
static const nd_http_parser_settings_t settings = {
  .on_message_begin = on_event, .on_url = on_data, .on_status = on_data,
  .on_header_field = on_data, .on_header_value = on_data,
  .on_headers_complete = on_event, .on_body = on_data,
  .on_message_complete = on_event,
};

static void parse_once(const struct input *in) {
  nd_http_parser_t p;

  nd_http_parser_init(&p, in->response ? ND_HTTP_RESPONSE : ND_HTTP_REQUEST,
                      0);
  if (nd_http_parser_execute(&p, &settings, in->data, in->len) !=
      (ssize_t)in->len)
    bench_fatal("parse error: %s", nd_err_name(p.error));
}
#else
static int on_data(http_parser *p, const char *at, size_t n) {
  (void)p;
  (void)at;
  counted += n;
  return 0;
}
static int on_event(http_parser *p) {
  (void)p;
  counted++;
  return 0;
}
static const http_parser_settings settings = {
  .on_message_begin = on_event, .on_url = on_data, .on_status = on_data,
  .on_header_field = on_data, .on_header_value = on_data,
  .on_headers_complete = on_event, .on_body = on_data,
  .on_message_complete = on_event,
};

static void parse_once(const struct input *in) {
  http_parser p;

  http_parser_init(&p, in->response ? HTTP_RESPONSE : HTTP_REQUEST);
  if (http_parser_execute(&p, &settings, in->data, in->len) != in->len)
    bench_fatal("parse error: %s", http_errno_name(HTTP_PARSER_ERRNO(&p)));
}
#endif

/* Parses the inputs round-robin for about `seconds`; returns bytes/s. */
static double measure(const struct input *in, size_t n, double seconds) {
  uint64_t bytes = 0;
  double start = now(), elapsed;
  size_t i, round;

  for (;;) {
    for (round = 0; round < 1000; round++)
      for (i = 0; i < n; i++) {
        parse_once(&in[i]);
        bytes += in[i].len;
      }
    elapsed = now() - start;
    if (elapsed >= seconds)
      return (double)bytes / elapsed;
  }
}

static void report(const char *name, double bytes_per_s) {
  printf("bench=%s impl=%s value=%.0f unit=MB/s\n", name, IMPL_NAME,
         bytes_per_s / 1e6);
  fflush(stdout);
}

int main(void) {
  static const char gets8[] = BROWSER_GET BROWSER_GET BROWSER_GET BROWSER_GET
      BROWSER_GET BROWSER_GET BROWSER_GET BROWSER_GET;
  static const char small8[] = SMALL_GET SMALL_GET SMALL_GET SMALL_GET
      SMALL_GET SMALL_GET SMALL_GET SMALL_GET;
  const struct input mix[] = {
    {BROWSER_GET, sizeof(BROWSER_GET) - 1, 0},
    {CURL_GET, sizeof(CURL_GET) - 1, 0},
    {JSON_POST, sizeof(JSON_POST) - 1, 0},
    {CHUNKED_RESPONSE, sizeof(CHUNKED_RESPONSE) - 1, 1},
    {small8, sizeof(small8) - 1, 0},
  };
  const struct input get[] = {{gets8, sizeof(gets8) - 1, 0}};

  measure(mix, 5, 0.2); /* warm the caches and the CPU clock */
  report("http_parse", measure(mix, 5, 1.0));
  report("http_parse_get", measure(get, 1, 1.0));
  fprintf(stderr, "http_parse (%s): callbacks saw %llu bytes and events\n",
          IMPL_NAME, (unsigned long long)counted);
  return 0;
}
