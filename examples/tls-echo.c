/*
 * tls-echo.c - a TLS echo server and its client, on libnodec's TLS streams.
 *
 *   tls-echo server CERT KEY [PORT]
 *       Listens on 127.0.0.1 (PORT 0 or none: a free one), prints
 *       "listening on 127.0.0.1:PORT", and sends every byte a client sends
 *       back to it, in order, over TLS 1.2 with the certificate chain in
 *       the PEM file CERT and its private key in KEY.
 *
 *   tls-echo client [--ca FILE] HOST PORT
 *       Resolves HOST, connects, and makes a TLS connection that verifies
 *       the server's certificate against the CAs in FILE (default: the
 *       system's bundle) and against HOST.  Then it copies its standard
 *       input to the server and what comes back to its standard output
 *       (both are streams: pipes or terminals, as in a shell pipeline);
 *       at the end of its input it sends close_notify and waits for the
 *       server to finish.  The handshake's outcome goes to stderr.
 *
 * What it shows:
 *
 *   - nd_tls_t as an ordinary stream: it is layered over an accepted or
 *     connected nd_tcp_t with nd_tls_init, and from then on used through
 *     the stream API (nd_read_start, nd_write, nd_shutdown, nd_close),
 *     which now carries TLS records;
 *   - configurations shared by every connection (nd_tls_config_t), and a
 *     client that checks the server's chain and host name (the default);
 *   - the handshake callback, and the getters that describe the result:
 *     version, cipher suite, the peer's certificate, or why it failed;
 *   - backpressure through TLS: the server stops reading a client whose
 *     echoes pile up past the high watermark (ND_STREAM_PRESSURE) and
 *     resumes in the drain callback;
 *   - half-close: a client's close_notify ends its stream (ND_EOF); the
 *     server answers what it still owes, then sends its own close_notify
 *     (nd_shutdown) before closing;
 *   - nd_stream_pipe through TLS in the client: standard input is piped
 *     into the TLS stream and the TLS stream into standard output, each
 *     with the destination's watermarks; the end of standard input ends
 *     the TLS stream with close_notify;
 *   - a clean stop of the server on SIGINT or SIGTERM: every handle is
 *     closed and nd_loop_close() returns 0.
 *
 * Run: build/examples/tls-echo server cert.pem key.pem 0
 *      echo hello | build/examples/tls-echo client --ca ca.pem localhost PORT
 *      (tests/tls/make-certs.sh DIR makes such files), or
 *      openssl s_client -connect 127.0.0.1:PORT -CAfile ca.pem
 */
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nodec.h"

/* A TLS record carries at most 16 KiB of plaintext: a read buffer that size
 * takes a whole record, and a connection holds no more than it needs. */
#define ECHO_BUF_SIZE 16384

static nd_loop_t loop;
static nd_tls_config_t *config;
static const char *prog = "tls-echo";

static void fail(int r, const char *what) {
  fprintf(stderr, "%s: %s: %s (%s)\n", prog, what, nd_strerror(r),
          nd_err_name(r));
  exit(1);
}

/* Prints what the handshake agreed on and who the peer is. */
static void print_session(nd_tls_t *tls, const char *who) {
  const nd_x509_t *peer = nd_tls_get_peer_cert(tls);
  char subject[256];

  fprintf(stderr, "%s: %s: %s, %s%s\n", prog, who, nd_tls_get_version(tls),
          nd_tls_get_cipher(tls), nd_tls_is_resumed(tls) ? ", resumed" : "");
  if (peer != NULL &&
      nd_x509_get_name_field(peer, ND_X509_SUBJECT, "CN", subject,
                             sizeof(subject)) >= 0)
    fprintf(stderr, "%s: %s: peer certificate CN=%s\n", prog, who, subject);
}

/* ---- server ---------------------------------------------------------- */

struct conn {
  nd_tcp_t tcp;                   /* the transport, owned by tls */
  nd_tls_t tls;
  struct conn *prev, *next;       /* every open connection */
  int paused;                     /* reading stopped by backpressure */
  int eof;                        /* the client sent close_notify */
  nd_shutdown_t shutdown_req;
};

/* A read buffer that becomes the echo's write request as it is. */
struct echo {
  nd_write_t req;
  char data[ECHO_BUF_SIZE];
};

#define container_of_tcp(h) \
  ((struct conn *)((char *)(h) - offsetof(struct conn, tcp)))

static nd_tcp_t server;
static nd_signal_t sigint_h, sigterm_h;
static struct conn conns;         /* list head */
static unsigned long long bytes, connections, handshake_failures, pauses;

static void on_server_read(nd_stream_t *stream, ssize_t nread,
                           const nd_buf_t *buf);
static void on_alloc(nd_handle_t *handle, size_t suggested, nd_buf_t *buf);

static void on_conn_closed(nd_handle_t *handle) {
  struct conn *c = handle->data;

  c->prev->next = c->next;
  c->next->prev = c->prev;
  free(c);
}

/* A connection that never became a TLS stream. */
static void on_tcp_closed(nd_handle_t *handle) {
  free(container_of_tcp(handle));
}

static void conn_close(struct conn *c) {
  if (!nd_is_closing((nd_handle_t *)&c->tls))
    nd_close((nd_handle_t *)&c->tls, on_conn_closed);
}

static void on_echoed(nd_write_t *req, int status) {
  struct conn *c = req->data;

  free(req);
  /* ND_ECANCELED: the connection was closed first, and is gone. */
  if (status < 0 && status != ND_ECANCELED)
    conn_close(c);
}

static void on_server_shutdown(nd_shutdown_t *req, int status) {
  /* Our close_notify went out after the last echo (or it failed). */
  (void)status;
  conn_close(req->data);
}

static void on_drain(nd_stream_t *stream) {
  struct conn *c = stream->data;

  if (!c->paused || c->eof)
    return;
  c->paused = 0;
  if (nd_read_start(stream, on_alloc, on_server_read) < 0)
    conn_close(c);
}

/* Each read gets a fresh buffer, inside the write request that echoes it. */
static void on_alloc(nd_handle_t *handle, size_t suggested, nd_buf_t *buf) {
  struct echo *e = malloc(sizeof(*e));

  (void)handle;
  (void)suggested;
  *buf = e != NULL ? nd_buf_init(e->data, sizeof(e->data))
                   : nd_buf_init(NULL, 0); /* read fails with ND_ENOBUFS */
}

static void on_server_read(nd_stream_t *stream, ssize_t nread,
                           const nd_buf_t *buf) {
  struct conn *c = stream->data;
  struct echo *e = buf->base != NULL
                       ? (struct echo *)(buf->base - offsetof(struct echo, data))
                       : NULL;
  nd_buf_t out;
  int r;

  if (nread <= 0) {
    free(e);
    if (nread == 0)
      return;
    if (nread != ND_EOF) {
      /* A failed handshake ends the read too; the callback said why. */
      if (nd_tls_is_established(&c->tls))
        fprintf(stderr, "%s: read: %s\n", prog, nd_strerror((int)nread));
      conn_close(c);
      return;
    }
    /* close_notify: answer what is owed, then our own close_notify. */
    c->eof = 1;
    c->shutdown_req.data = c;
    if (nd_shutdown(&c->shutdown_req, stream, on_server_shutdown) < 0)
      conn_close(c);
    return;
  }
  bytes += (unsigned long long)nread;
  e->req.data = c;
  out = nd_buf_init(e->data, (unsigned int)nread);
  r = nd_write(&e->req, stream, &out, 1, on_echoed);
  if (r < 0) {
    free(e);
    conn_close(c);
    return;
  }
  if (r == ND_STREAM_PRESSURE) {
    /* The client sends faster than it reads: wait for the drain. */
    nd_read_stop(stream);
    c->paused = 1;
    pauses++;
  }
}

static void on_server_handshake(nd_tls_t *tls, int status) {
  if (status < 0) {
    /* The read in force ends with the same code and closes. */
    handshake_failures++;
    fprintf(stderr, "%s: handshake failed: %s (%s)\n", prog,
            nd_strerror(status), nd_err_name(status));
    return;
  }
  print_session(tls, "client connected");
}

static void on_connection(nd_stream_t *listener, int status) {
  struct conn *c;
  int r;

  if (status < 0) {
    fprintf(stderr, "%s: accept: %s\n", prog, nd_strerror(status));
    return;
  }
  c = calloc(1, sizeof(*c));
  if (c == NULL) {
    fprintf(stderr, "%s: out of memory\n", prog);
    return; /* the connection waits; the next callback tries again */
  }
  if ((r = nd_tcp_init(&loop, &c->tcp)) < 0)
    fail(r, "nd_tcp_init");
  if ((r = nd_accept(listener, (nd_stream_t *)&c->tcp)) < 0) {
    fprintf(stderr, "%s: nd_accept: %s\n", prog, nd_strerror(r));
    /* Not yet a TLS stream: only the TCP handle to close. */
    nd_close((nd_handle_t *)&c->tcp, on_tcp_closed);
    return;
  }
  nd_tcp_nodelay(&c->tcp, 1);
  if ((r = nd_tls_init(&loop, &c->tls, config, (nd_stream_t *)&c->tcp)) < 0)
    fail(r, "nd_tls_init");
  c->tls.data = c;
  c->next = conns.next;
  c->prev = &conns;
  conns.next->prev = c;
  conns.next = c;
  connections++;
  nd_stream_on_drain((nd_stream_t *)&c->tls, on_drain);
  if ((r = nd_tls_handshake(&c->tls, on_server_handshake)) < 0 ||
      (r = nd_read_start((nd_stream_t *)&c->tls, on_alloc, on_server_read)) <
          0) {
    fprintf(stderr, "%s: %s\n", prog, nd_strerror(r));
    conn_close(c);
  }
}

static void on_signal(nd_signal_t *handle, int signum) {
  struct conn *c, *next;

  (void)handle;
  fprintf(stderr, "%s: %s: closing every handle\n", prog, strsignal(signum));
  for (c = conns.next; c != &conns; c = next) {
    next = c->next;
    conn_close(c);
  }
  nd_close((nd_handle_t *)&server, NULL);
  nd_close((nd_handle_t *)&sigint_h, NULL);
  nd_close((nd_handle_t *)&sigterm_h, NULL);
}

static int run_server(const char *cert, const char *key, long port) {
  struct sockaddr_storage name;
  struct sockaddr_in addr;
  int namelen = sizeof(name);
  int r;

  prog = "tls-echo server";
  conns.next = conns.prev = &conns;
  if ((r = nd_tls_config_new(&config, ND_TLS_SERVER)) < 0)
    fail(r, "nd_tls_config_new");
  if ((r = nd_tls_config_add_cert_file(config, cert, key, NULL)) < 0)
    fail(r, cert);
  if ((r = nd_ip4_addr("127.0.0.1", (int)port, &addr)) < 0)
    fail(r, "nd_ip4_addr");
  if ((r = nd_tcp_init(&loop, &server)) < 0)
    fail(r, "nd_tcp_init");
  if ((r = nd_tcp_bind(&server, (const struct sockaddr *)&addr, 0)) < 0)
    fail(r, "nd_tcp_bind");
  if ((r = nd_listen((nd_stream_t *)&server, 511, on_connection)) < 0)
    fail(r, "nd_listen");
  if ((r = nd_tcp_getsockname(&server, (struct sockaddr *)&name,
                              &namelen)) < 0)
    fail(r, "nd_tcp_getsockname");
  if ((r = nd_signal_init(&loop, &sigint_h)) < 0 ||
      (r = nd_signal_start(&sigint_h, on_signal, SIGINT)) < 0 ||
      (r = nd_signal_init(&loop, &sigterm_h)) < 0 ||
      (r = nd_signal_start(&sigterm_h, on_signal, SIGTERM)) < 0)
    fail(r, "nd_signal_start");

  printf("listening on 127.0.0.1:%d\n",
         ntohs(((struct sockaddr_in *)&name)->sin_port));
  fflush(stdout);

  if ((r = nd_run(&loop, ND_RUN_DEFAULT)) < 0)
    fail(r, "nd_run");
  if ((r = nd_loop_close(&loop)) != 0)
    fail(r, "nd_loop_close");
  nd_tls_config_unref(config);
  fprintf(stderr, "%s: %llu bytes echoed on %llu connections, %llu failed "
          "handshakes, %llu backpressure pauses; every handle closed, "
          "nd_loop_close() == 0\n", prog, bytes, connections,
          handshake_failures, pauses);
  return 0;
}

/* ---- client ---------------------------------------------------------- */

static const char *host;
static nd_getaddrinfo_t resolve_req;
static nd_connect_t connect_req;
static nd_tcp_t client_tcp;
static nd_tls_t client_tls;
static nd_pipe_t in, out;
static nd_stream_pipe_t upload, download;
static int status = 0, pipes_running;

static void on_closed(nd_handle_t *handle) {
  (void)handle;
}

static void finish(int err, const char *what) {
  if (err < 0 && status == 0) {
    fprintf(stderr, "%s: %s: %s (%s)\n", prog, what, nd_strerror(err),
            nd_err_name(err));
    status = 1;
  }
  if (!nd_is_closing((nd_handle_t *)&in))
    nd_close((nd_handle_t *)&in, on_closed);
  if (!nd_is_closing((nd_handle_t *)&out))
    nd_close((nd_handle_t *)&out, on_closed);
  if (!nd_is_closing((nd_handle_t *)&client_tls))
    nd_close((nd_handle_t *)&client_tls, on_closed);
}

/*
 * Standard input is all sent (and close_notify with it: the pipe shut the
 * TLS stream down at its end), or the server's stream has ended (and
 * standard output with it).  Once both are done, the connection is over.
 */
static void on_pipe_done(nd_stream_pipe_t *req, int err) {
  if (err < 0) {
    finish(err, req == &upload ? "sending" : "receiving");
    return;
  }
  if (--pipes_running == 0)
    finish(0, NULL);
}

static void on_client_handshake(nd_tls_t *tls, int err) {
  int r;

  if (err < 0) {
    /* The code says what failed: unknown CA, expired, wrong host, ... */
    fprintf(stderr, "%s: TLS handshake with %s failed: %s (%s)\n", prog,
            host, nd_strerror(err), nd_err_name(err));
    status = 1;
    finish(0, NULL);
    return;
  }
  print_session(tls, "connected");
  /*
   * The end of standard input ends the TLS stream (close_notify); the end
   * of the TLS stream leaves standard output alone (ND_STREAM_PIPE_NO_END):
   * shutdown(2) means nothing to a pipe, and closing it is enough.
   */
  pipes_running = 2;
  if ((r = nd_stream_pipe(&upload, (nd_stream_t *)&in, (nd_stream_t *)tls, 0,
                          on_pipe_done)) < 0 ||
      (r = nd_stream_pipe(&download, (nd_stream_t *)tls, (nd_stream_t *)&out,
                          ND_STREAM_PIPE_NO_END, on_pipe_done)) < 0)
    fail(r, "nd_stream_pipe");
}

static void on_connect(nd_connect_t *req, int err) {
  int r;

  (void)req;
  if (err < 0) {
    fprintf(stderr, "%s: connect to %s: %s\n", prog, host, nd_strerror(err));
    status = 1;
    nd_close((nd_handle_t *)&client_tcp, NULL);
    nd_close((nd_handle_t *)&in, NULL);
    nd_close((nd_handle_t *)&out, NULL);
    return;
  }
  nd_tcp_nodelay(&client_tcp, 1);
  if ((r = nd_tls_init(&loop, &client_tls, config,
                       (nd_stream_t *)&client_tcp)) < 0)
    fail(r, "nd_tls_init");
  /* The name sent as SNI, and the one the certificate must carry. */
  if ((r = nd_tls_set_server_name(&client_tls, host)) < 0)
    fail(r, "nd_tls_set_server_name");
  if ((r = nd_tls_handshake(&client_tls, on_client_handshake)) < 0)
    fail(r, "nd_tls_handshake");
}

static void on_resolved(nd_getaddrinfo_t *req, int err, struct addrinfo *ai) {
  int r;

  (void)req;
  if (err < 0) {
    fprintf(stderr, "%s: cannot resolve %s: %s\n", prog, host,
            nd_strerror(err));
    status = 1;
    nd_close((nd_handle_t *)&in, NULL);
    nd_close((nd_handle_t *)&out, NULL);
    return;
  }
  if ((r = nd_tcp_init(&loop, &client_tcp)) < 0)
    fail(r, "nd_tcp_init");
  if ((r = nd_tcp_connect(&connect_req, &client_tcp, ai->ai_addr,
                          on_connect)) < 0)
    fail(r, "nd_tcp_connect");
  nd_freeaddrinfo(ai);
}

static int run_client(const char *ca, const char *port) {
  struct addrinfo hints;
  int r;

  prog = "tls-echo client";
  if ((r = nd_tls_config_new(&config, ND_TLS_CLIENT)) < 0)
    fail(r, "nd_tls_config_new");
  r = ca != NULL ? nd_tls_config_add_ca_file(config, ca)
                 : nd_tls_config_add_ca_system(config);
  if (r < 0)
    fail(r, ca != NULL ? ca : "the system's CA bundle");
  if ((r = nd_pipe_init(&loop, &in, 0)) < 0 || (r = nd_pipe_open(&in, 0)) < 0)
    fail(r, "standard input");
  if ((r = nd_pipe_init(&loop, &out, 0)) < 0 ||
      (r = nd_pipe_open(&out, 1)) < 0)
    fail(r, "standard output");
  memset(&hints, 0, sizeof(hints));
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  if ((r = nd_getaddrinfo(&loop, &resolve_req, on_resolved, host, port,
                          &hints)) < 0)
    fail(r, "nd_getaddrinfo");
  if ((r = nd_run(&loop, ND_RUN_DEFAULT)) < 0)
    fail(r, "nd_run");
  if ((r = nd_loop_close(&loop)) != 0)
    fail(r, "nd_loop_close");
  nd_tls_config_unref(config);
  return status;
}

static void usage(void) {
  fprintf(stderr, "usage: tls-echo server CERT KEY [PORT]\n"
                  "       tls-echo client [--ca FILE] HOST PORT\n");
  exit(2);
}

int main(int argc, char **argv) {
  const char *ca = NULL;
  long port = 0;
  char *end;
  int r;

  signal(SIGPIPE, SIG_IGN);
  if (argc < 2)
    usage();
  if ((r = nd_loop_init(&loop)) < 0)
    fail(r, "nd_loop_init");
  if (strcmp(argv[1], "server") == 0) {
    if (argc < 4 || argc > 5)
      usage();
    if (argc == 5 && ((port = strtol(argv[4], &end, 10)) < 0 ||
                      port > 65535 || *end != '\0' || argv[4][0] == '\0'))
      usage();
    return run_server(argv[2], argv[3], port);
  }
  if (strcmp(argv[1], "client") == 0) {
    argv += 2;
    argc -= 2;
    if (argc >= 2 && strcmp(argv[0], "--ca") == 0) {
      ca = argv[1];
      argv += 2;
      argc -= 2;
    }
    if (argc != 2)
      usage();
    host = argv[0];
    return run_client(ca, argv[1]);
  }
  usage();
  return 2;
}
