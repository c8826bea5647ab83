/*
 * https-get.c - a minimal HTTPS client: GET one URL and print the response.
 *
 *   https-get [--ca FILE] https://HOST[:PORT][/PATH]
 *
 * Resolves HOST (nd_getaddrinfo), connects to the first address that
 * accepts, makes a TLS 1.2 connection that verifies the
 * server's certificate chain against the CAs in FILE (default: the
 * system's bundle) and the certificate's names against HOST, sends
 * "GET /PATH HTTP/1.1" with "Connection: close", and parses the response
 * with nd_http_parser as it arrives: the status line and the headers go to
 * standard output as they were received, then an empty line, then the body
 * (decoded if it was chunked).  It exits 0 once the whole response is in,
 * whatever its status, and 1 with a message on standard error when
 * anything failed: the name did not resolve, no address accepted, the
 * certificate was refused (the message says why: unknown CA, expired, not
 * for this host, ...), the response was malformed or cut short.
 *
 * What it shows:
 *
 *   - a client TLS stream: nd_tls_init over a connected nd_tcp_t,
 *     nd_tls_set_server_name (SNI and the name checked), the handshake
 *     callback, whose ND_ETLS_* code says why a certificate was refused;
 *   - writing before the handshake is over: the request is queued with
 *     nd_write straight after nd_tls_handshake and goes out once it ends;
 *   - nd_http_parser on a response fed in whatever pieces TLS delivers,
 *     including a body that runs to the end of the stream
 *     (nd_http_parser_finish at ND_EOF);
 *   - close_notify (nd_shutdown) once the response is complete.
 *
 * Run: build/examples/https-get --ca ca.pem https://localhost:PORT/
 *      (build/examples/https-hello serves one; see tests/examples/)
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nodec.h"

#define HEAD_MAX (ND_HTTP_MAX_HEADER_SIZE + 4096)

static nd_loop_t loop;
static nd_tls_config_t *config;
static nd_getaddrinfo_t resolve_req;
static struct addrinfo *addrs, *addr_next;
static nd_connect_t connect_req;
static nd_tcp_t tcp;
static nd_tls_t tls;
static nd_write_t write_req;
static nd_shutdown_t shutdown_req;
static nd_http_parser_t parser;

static char host[256], port[8] = "443", path[2048] = "/";
static char request[sizeof(host) + sizeof(path) + 256];
static char read_buf[65536];
static int status = 1;            /* exit status: 0 once the response is in */
static int failed;                /* a message is already on stderr */
static int connect_error;         /* why the last address refused */

/* The status line and headers, kept until the parser has the version. */
static char head[HEAD_MAX];
static size_t head_len;
static char reason[256];
static size_t reason_len;
static int last_was_value;

static void connect_next(void);

static void fatal(int r, const char *what) {
  fprintf(stderr, "https-get: %s: %s (%s)\n", what, nd_strerror(r),
          nd_err_name(r));
  exit(1);
}

/* Reports the first failure only; what follows from it is no news. */
static void failure(const char *fmt, const char *arg, int r) {
  if (failed)
    return;
  failed = 1;
  fprintf(stderr, "https-get: ");
  fprintf(stderr, fmt, arg);
  if (r < 0)
    fprintf(stderr, ": %s (%s)", nd_strerror(r), nd_err_name(r));
  fputc('\n', stderr);
}

static void close_all(void) {
  if (!nd_is_closing((nd_handle_t *)&tls))
    nd_close((nd_handle_t *)&tls, NULL);
}

/* ---- the response --------------------------------------------------- */

static int head_add(const char *at, size_t len) {
  if (len > sizeof(head) - head_len)
    return -1; /* cannot happen within the parser's 16 KiB limit */
  memcpy(head + head_len, at, len);
  head_len += len;
  return 0;
}

static int on_status(nd_http_parser_t *p, const char *at, size_t len) {
  (void)p;
  if (len > sizeof(reason) - 1 - reason_len)
    len = sizeof(reason) - 1 - reason_len;
  memcpy(reason + reason_len, at, len);
  reason_len += len;
  return 0;
}

/* Names and values may come in pieces: a name after a value starts a line. */
static int on_header_field(nd_http_parser_t *p, const char *at, size_t len) {
  (void)p;
  if (last_was_value && head_add("\n", 1) < 0)
    return -1;
  last_was_value = 0;
  return head_add(at, len);
}

static int on_header_value(nd_http_parser_t *p, const char *at, size_t len) {
  (void)p;
  if (!last_was_value && head_add(": ", 2) < 0)
    return -1;
  last_was_value = 1;
  return head_add(at, len);
}

static int on_headers_complete(nd_http_parser_t *p) {
  reason[reason_len] = '\0';
  printf("HTTP/%u.%u %u %s\n", p->http_major, p->http_minor, p->status_code,
         reason);
  fwrite(head, 1, head_len, stdout);
  printf("%s\n", last_was_value ? "\n" : "");
  head_len = 0;
  last_was_value = 0;
  return 0;
}

static int on_body(nd_http_parser_t *p, const char *at, size_t len) {
  (void)p;
  fwrite(at, 1, len, stdout);
  return 0;
}

static void on_shutdown(nd_shutdown_t *req, int r) {
  (void)req;
  (void)r; /* the response is in: a failed close_notify changes nothing */
  close_all();
}

static int on_message_complete(nd_http_parser_t *p) {
  /* A 1xx is followed by the real response. */
  if (p->status_code >= 100 && p->status_code < 200 &&
      p->status_code != 101) {
    reason_len = 0;
    return 0;
  }
  fflush(stdout);
  status = 0;
  nd_read_stop((nd_stream_t *)&tls);
  if (nd_shutdown(&shutdown_req, (nd_stream_t *)&tls, on_shutdown) < 0)
    close_all();
  return ND_HTTP_PAUSE;
}

static const nd_http_parser_settings_t settings = {
  .on_status = on_status,
  .on_header_field = on_header_field,
  .on_header_value = on_header_value,
  .on_headers_complete = on_headers_complete,
  .on_body = on_body,
  .on_message_complete = on_message_complete,
};

/* ---- the connection ------------------------------------------------- */

static void on_alloc(nd_handle_t *handle, size_t suggested, nd_buf_t *buf) {
  (void)handle;
  (void)suggested;
  *buf = nd_buf_init(read_buf, sizeof(read_buf));
}

static void on_read(nd_stream_t *stream, ssize_t nread, const nd_buf_t *buf) {
  ssize_t n;
  int r;

  (void)stream;
  if (nread == 0 || status == 0)
    return;
  if (nread > 0) {
    n = nd_http_parser_execute(&parser, &settings, buf->base, (size_t)nread);
    if (n < 0 && status != 0) {
      failure("malformed response from %s", host, parser.error);
      fprintf(stderr, "https-get: (at byte %llu of the response)\n",
              (unsigned long long)parser.error_offset);
      close_all();
    }
    return;
  }
  if (nread == ND_EOF) {
    /* The end of the stream ends a body that runs until close. */
    r = nd_http_parser_finish(&parser, &settings);
    if (r < 0 && status != 0)
      failure("%s closed the connection before the response was complete",
              host, r);
  } else if (nd_tls_is_established(&tls)) {
    failure("reading from %s", host, (int)nread);
  }
  /* (A failed handshake ends the read too; its callback said why.) */
  close_all();
}

static void on_written(nd_write_t *req, int r) {
  (void)req;
  if (r < 0 && r != ND_ECANCELED) {
    failure("sending the request to %s", host, r);
    close_all();
  }
}

static void on_handshake(nd_tls_t *t, int r) {
  const nd_x509_t *peer;
  char cn[256];

  if (r < 0) {
    failure("TLS handshake with %s failed", host, r);
    return; /* the read ends with the same code and closes */
  }
  peer = nd_tls_get_peer_cert(t);
  fprintf(stderr, "https-get: %s, %s", nd_tls_get_version(t),
          nd_tls_get_cipher(t));
  if (peer != NULL &&
      nd_x509_get_name_field(peer, ND_X509_SUBJECT, "CN", cn, sizeof(cn)) >= 0)
    fprintf(stderr, ", certificate CN=%s verified", cn);
  fputc('\n', stderr);
}

static void start_tls(void) {
  nd_buf_t buf;
  int r, n;

  if ((r = nd_tls_init(&loop, &tls, config, (nd_stream_t *)&tcp)) < 0)
    fatal(r, "nd_tls_init");
  if ((r = nd_tls_set_server_name(&tls, host)) < 0)
    fatal(r, "nd_tls_set_server_name");
  if ((r = nd_tls_handshake(&tls, on_handshake)) < 0)
    fatal(r, "nd_tls_handshake");
  /* Queued now, sent once the handshake is over. */
  n = snprintf(request, sizeof(request),
               "GET %s HTTP/1.1\r\n"
               "Host: %s%s%s%s%s\r\n"
               "User-Agent: nodec-https-get\r\n"
               "Accept: */*\r\n"
               "Connection: close\r\n"
               "\r\n",
               path, strchr(host, ':') != NULL ? "[" : "", host,
               strchr(host, ':') != NULL ? "]" : "",
               strcmp(port, "443") != 0 ? ":" : "",
               strcmp(port, "443") != 0 ? port : "");
  buf = nd_buf_init(request, (unsigned int)n);
  if ((r = nd_write(&write_req, (nd_stream_t *)&tls, &buf, 1, on_written)) <
      0)
    fatal(r, "nd_write");
  if ((r = nd_read_start((nd_stream_t *)&tls, on_alloc, on_read)) < 0)
    fatal(r, "nd_read_start");
}

static void on_tcp_closed(nd_handle_t *handle) {
  (void)handle;
  connect_next();
}

static void on_connect(nd_connect_t *req, int r) {
  (void)req;
  if (r < 0) {
    /* Said only if no address accepts: "localhost" is often ::1 first. */
    connect_error = r;
    addr_next = addr_next->ai_next;
    nd_close((nd_handle_t *)&tcp, on_tcp_closed);
    return;
  }
  nd_freeaddrinfo(addrs);
  addrs = addr_next = NULL;
  nd_tcp_nodelay(&tcp, 1);
  start_tls();
}

/* Tries the next address; with none left, gives up. */
static void connect_next(void) {
  int r;

  if (addr_next == NULL) {
    failure("could not connect to %s", host, connect_error);
    nd_freeaddrinfo(addrs);
    addrs = NULL;
    return;
  }
  if ((r = nd_tcp_init(&loop, &tcp)) < 0)
    fatal(r, "nd_tcp_init");
  if ((r = nd_tcp_connect(&connect_req, &tcp, addr_next->ai_addr,
                          on_connect)) < 0) {
    connect_error = r;
    addr_next = addr_next->ai_next;
    nd_close((nd_handle_t *)&tcp, on_tcp_closed);
  }
}

static void on_resolved(nd_getaddrinfo_t *req, int r, struct addrinfo *ai) {
  (void)req;
  if (r < 0) {
    failure("cannot resolve %s", host, r);
    return;
  }
  addrs = addr_next = ai;
  connect_next();
}

/* https://HOST[:PORT][/PATH], HOST a name, an IPv4 or a [IPv6] literal. */
static int parse_url(const char *url) {
  const char *p, *end;
  size_t len;

  if (strncmp(url, "https://", 8) != 0)
    return -1;
  p = url + 8;
  if (*p == '[') {
    end = strchr(p, ']');
    if (end == NULL)
      return -1;
    len = (size_t)(end - p - 1);
    p++;
    end++;
  } else {
    end = p + strcspn(p, ":/?#");
    len = (size_t)(end - p);
  }
  if (len == 0 || len >= sizeof(host))
    return -1;
  memcpy(host, p, len);
  host[len] = '\0';
  p = end;
  if (*p == ':') {
    len = strspn(p + 1, "0123456789");
    if (len == 0 || len >= sizeof(port) || atoi(p + 1) > 65535)
      return -1;
    memcpy(port, p + 1, len);
    port[len] = '\0';
    p += 1 + len;
  }
  if (*p == '?') {
    if (snprintf(path, sizeof(path), "/%s", p) >= (int)sizeof(path))
      return -1;
  } else if (*p == '/') {
    len = strcspn(p, "#");
    if (len >= sizeof(path))
      return -1;
    memcpy(path, p, len);
    path[len] = '\0';
  } else if (*p != '\0' && *p != '#') {
    return -1;
  }
  /* The request line takes no spaces or controls. */
  for (p = path; *p != '\0'; p++)
    if ((unsigned char)*p <= ' ' || *p == 0x7f)
      return -1;
  return 0;
}

int main(int argc, char **argv) {
  struct addrinfo hints;
  const char *ca = NULL;
  int r;

  if (argc == 4 && strcmp(argv[1], "--ca") == 0) {
    ca = argv[2];
    argv += 2;
    argc -= 2;
  }
  if (argc != 2 || parse_url(argv[1]) != 0) {
    fprintf(stderr, "usage: https-get [--ca FILE] https://HOST[:PORT][/PATH]\n");
    return 2;
  }
  signal(SIGPIPE, SIG_IGN);

  if ((r = nd_tls_config_new(&config, ND_TLS_CLIENT)) < 0)
    fatal(r, "nd_tls_config_new");
  r = ca != NULL ? nd_tls_config_add_ca_file(config, ca)
                 : nd_tls_config_add_ca_system(config);
  if (r < 0)
    fatal(r, ca != NULL ? ca : "the system's CA bundle");
  if ((r = nd_http_parser_init(&parser, ND_HTTP_RESPONSE, 0)) < 0)
    fatal(r, "nd_http_parser_init");
  if ((r = nd_loop_init(&loop)) < 0)
    fatal(r, "nd_loop_init");
  memset(&hints, 0, sizeof(hints));
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  if ((r = nd_getaddrinfo(&loop, &resolve_req, on_resolved, host, port,
                          &hints)) < 0)
    fatal(r, "nd_getaddrinfo");
  if ((r = nd_run(&loop, ND_RUN_DEFAULT)) < 0)
    fatal(r, "nd_run");
  if ((r = nd_loop_close(&loop)) != 0)
    fatal(r, "nd_loop_close");
  nd_tls_config_unref(config);
  if (status != 0 && !failed)
    fprintf(stderr, "https-get: no complete response from %s\n", host);
  return status;
}
