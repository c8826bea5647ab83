/*
 * test-tls.c - TLS streams: our client against our server over 127.0.0.1,
 * both against the openssl CLI, refusals with their exact codes, garbage
 * and truncation, and X.509 parsing.
 *
 * The certificates come from tests/tls/make-certs.sh, run into a scratch
 * directory when the binary starts (SRCDIR names the source tree when the
 * binary is not run from it).  Without the openssl CLI the binary skips.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>

#include "stream-util.h"

static char certdir[256];

static const char *cert(const char *name) {
  static char bufs[8][512];
  static int next;
  char *b = bufs[next++ % 8];

  snprintf(b, sizeof(bufs[0]), "%s/%s", certdir, name);
  return b;
}

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  char *p;
  long n;

  assert_non_null(f);
  fseek(f, 0, SEEK_END);
  n = ftell(f);
  fseek(f, 0, SEEK_SET);
  p = malloc((size_t)n + 1);
  assert_non_null(p);
  assert_int_equal(fread(p, 1, (size_t)n, f), (size_t)n);
  p[n] = '\0';
  fclose(f);
  if (len != NULL)
    *len = (size_t)n;
  return p;
}

static const char *passphrase(void) {
  static char pass[128];
  size_t n;
  char *p = slurp(cert("PASSPHRASE"), &n);

  snprintf(pass, sizeof(pass), "%s", p);
  free(p);
  return pass;
}

/* A client configuration trusting the test root. */
static nd_tls_config_t *client_config(void) {
  nd_tls_config_t *c;

  ND_OK(nd_tls_config_new(&c, ND_TLS_CLIENT));
  ND_OK(nd_tls_config_add_ca_file(c, cert("ca.pem")));
  return c;
}

/* A server configuration with one chain (name-chain.pem, name.key). */
static nd_tls_config_t *server_config(const char *name) {
  char chain[64];
  char key[64];
  nd_tls_config_t *c;

  snprintf(chain, sizeof(chain), "%s-chain.pem", name);
  snprintf(key, sizeof(key), "%s.key", name);
  ND_OK(nd_tls_config_new(&c, ND_TLS_SERVER));
  ND_OK(nd_tls_config_add_cert_file(c, cert(chain), cert(key), NULL));
  return c;
}

/* --- a client and a server over 127.0.0.1 -------------------------------- */

struct end {
  struct pair *pair;
  nd_tcp_t tcp;
  nd_tls_t tls;
  int inited;
  int hs_done;
  int hs_status;
  /* reading */
  int check_pattern;
  unsigned int pattern_id;  /* of what it reads */
  unsigned int write_id;    /* of what it writes */
  uint64_t received;
  int bad_byte;
  int read_status;       /* ND_EOF or an error, once reading ended */
  char text[256];        /* the first bytes read, for small exchanges */
  /* writing */
  uint64_t to_send;
  uint64_t sent;         /* handed to nd_write */
  uint64_t written;      /* write callbacks with status 0 */
  size_t max_queue;
  int waiting_drain;
  int shutdown_after;
  int shutdown_status;
  int shutdown_done;
  int write_errors;
  int closed;
};

struct pair {
  nd_loop_t *loop;
  watchdog_t wd;
  nd_tcp_t server;
  nd_connect_t connect;
  nd_tls_config_t *ccfg;
  nd_tls_config_t *scfg;
  const char *server_name;
  struct end cli;
  struct end srv;
  int both_done;
  int port;
  int via_port;          /* connect here instead (a proxy), if not 0 */
};

/* Called by pair_start once the server listens, before connecting. */
static void (*pair_via)(struct pair *p);

static void end_maybe_done(struct pair *p) {
  if (p->cli.hs_done && (p->srv.hs_done || !p->srv.inited))
    p->both_done = 1;
}

static void on_handshake(nd_tls_t *tls, int status) {
  struct end *e = tls->data;

  e->hs_done = 1;
  e->hs_status = status;
  if (getenv("TLS_DEBUG") != NULL)
    fprintf(stderr, "%s handshake: %s\n", e == &e->pair->cli ? "client" : "server",
            status ? nd_err_name(status) : "ok");
  end_maybe_done(e->pair);
}

static void pair_accept(nd_stream_t *server, int status) {
  struct pair *p = server->data;

  assert_int_equal(status, 0);
  ND_OK(nd_tcp_init(p->loop, &p->srv.tcp));
  ND_OK(nd_accept(server, (nd_stream_t *)&p->srv.tcp));
  ND_OK(nd_tls_init(p->loop, &p->srv.tls, p->scfg,
                    (nd_stream_t *)&p->srv.tcp));
  p->srv.tls.data = &p->srv;
  p->srv.inited = 1;
  ND_OK(nd_tls_handshake(&p->srv.tls, on_handshake));
}

/* A session for the next pair's client to offer. */
static const unsigned char *offer;
static size_t offer_len;

static void pair_connected(nd_connect_t *req, int status) {
  struct pair *p = req->data;

  assert_int_equal(status, 0);
  ND_OK(nd_tls_init(p->loop, &p->cli.tls, p->ccfg,
                    (nd_stream_t *)&p->cli.tcp));
  p->cli.tls.data = &p->cli;
  p->cli.inited = 1;
  if (p->server_name != NULL)
    ND_OK(nd_tls_set_server_name(&p->cli.tls, p->server_name));
  if (offer != NULL)
    ND_OK(nd_tls_set_session(&p->cli.tls, offer, offer_len));
  ND_OK(nd_tls_handshake(&p->cli.tls, on_handshake));
}

static void listen_any(nd_loop_t *loop, nd_tcp_t *server, int *port) {
  struct sockaddr_in addr;
  struct sockaddr_storage name;
  int len = sizeof(name);

  ND_OK(nd_tcp_init(loop, server));
  ND_OK(nd_ip4_addr("127.0.0.1", 0, &addr));
  ND_OK(nd_tcp_bind(server, (const struct sockaddr *)&addr, 0));
  ND_OK(nd_tcp_getsockname(server, (struct sockaddr *)&name, &len));
  *port = ntohs(((struct sockaddr_in *)&name)->sin_port);
}

static void connect_to(nd_loop_t *loop, nd_tcp_t *tcp, nd_connect_t *req,
                       int port, nd_connect_cb cb) {
  struct sockaddr_in addr;

  ND_OK(nd_tcp_init(loop, tcp));
  ND_OK(nd_ip4_addr("127.0.0.1", port, &addr));
  ND_OK(nd_tcp_connect(req, tcp, (const struct sockaddr *)&addr, cb));
}

/* Handshake a client (ccfg, naming name) with a server (scfg). */
static void pair_start(struct pair *p, nd_loop_t *loop, nd_tls_config_t *ccfg,
                       nd_tls_config_t *scfg, const char *name) {
  memset(p, 0, sizeof(*p));
  p->loop = loop;
  p->ccfg = ccfg;
  p->scfg = scfg;
  p->server_name = name;
  p->cli.pair = p->srv.pair = p;
  watchdog_start(loop, &p->wd);
  listen_any(loop, &p->server, &p->port);
  p->server.data = p;
  ND_OK(nd_listen((nd_stream_t *)&p->server, 8, pair_accept));
  p->connect.data = p;
  if (pair_via != NULL)
    pair_via(p);
  connect_to(loop, &p->cli.tcp, &p->connect,
             p->via_port != 0 ? p->via_port : p->port, pair_connected);
  run_until(loop, &p->wd, &p->both_done);
  assert_false(p->wd.expired);
  /* A failed side's peer hears of it through an alert: wait for both. */
  while ((!p->srv.inited || !p->srv.hs_done) && !p->wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  assert_false(p->wd.expired);
}

static void end_closed(nd_handle_t *h) {
  struct end *e = h->data;

  e->closed = 1;
}

/* Close everything the pair made; the transports go with their TLS. */
static void pair_finish(struct pair *p) {
  if (p->cli.inited) {
    if (!nd_is_closing((nd_handle_t *)&p->cli.tls))
      nd_close((nd_handle_t *)&p->cli.tls, end_closed);
  } else {
    nd_close((nd_handle_t *)&p->cli.tcp, NULL);
  }
  if (p->srv.inited && !nd_is_closing((nd_handle_t *)&p->srv.tls))
    nd_close((nd_handle_t *)&p->srv.tls, end_closed);
  nd_close((nd_handle_t *)&p->server, NULL);
  nd_close((nd_handle_t *)&p->wd.timer, NULL);
  assert_int_equal(nd_run(p->loop, ND_RUN_DEFAULT), 0);
  if (p->cli.inited)
    assert_true(p->cli.closed);
  if (p->srv.inited)
    assert_true(p->srv.closed);
  nd_tls_config_unref(p->ccfg);
  nd_tls_config_unref(p->scfg);
}

/* --- reading and writing helpers ----------------------------------------- */

static void end_read(nd_stream_t *s, ssize_t n, const nd_buf_t *buf) {
  struct end *e = s->data;
  ssize_t i;

  if (n < 0) {
    e->read_status = (int)n;
  } else if (n > 0) {
    if (e->check_pattern) {
      for (i = 0; i < n; i++)
        if ((unsigned char)buf->base[i] !=
            pattern(e->pattern_id, e->received + (uint64_t)i))
          e->bad_byte = 1;
    } else {
      size_t have = strlen(e->text);
      size_t m = (size_t)n < sizeof(e->text) - 1 - have
                     ? (size_t)n
                     : sizeof(e->text) - 1 - have;
      memcpy(e->text + have, buf->base, m);
      e->text[have + m] = '\0';
    }
    e->received += (uint64_t)n;
  }
  free(buf->base);
}

#define WRITE_SIZE (64 * 1024)

static void end_pump(struct end *e);

static void end_shutdown_cb(nd_shutdown_t *req, int status) {
  struct end *e = req->data;

  e->shutdown_done = 1;
  e->shutdown_status = status;
  free(req);
}

static void end_write_cb(nd_write_t *req, int status) {
  struct end *e = req->data;

  if (status == 0)
    e->written += req->bufs == NULL ? WRITE_SIZE : WRITE_SIZE;
  else
    e->write_errors++;
  free(req);
}

static void end_drain(nd_stream_t *s) {
  struct end *e = s->data;

  e->waiting_drain = 0;
  end_pump(e);
}

/* Write the pattern until the stream pushes back; then wait for drain. */
static void end_pump(struct end *e) {
  nd_stream_t *s = (nd_stream_t *)&e->tls;
  static char block[WRITE_SIZE];
  nd_write_t *req;
  nd_buf_t buf;
  size_t i;
  int r;

  while (!e->waiting_drain && e->sent < e->to_send) {
    req = malloc(sizeof(*req) + WRITE_SIZE);
    assert_non_null(req);
    req->data = e;
    buf.base = (char *)(req + 1);
    buf.len = WRITE_SIZE;
    for (i = 0; i < WRITE_SIZE; i++)
      buf.base[i] = (char)pattern(e->write_id, e->sent + i);
    r = nd_write(req, s, &buf, 1, end_write_cb);
    assert_true(r >= 0);
    e->sent += WRITE_SIZE;
    if (s->write_queue_size > e->max_queue)
      e->max_queue = s->write_queue_size;
    if (r == ND_STREAM_PRESSURE)
      e->waiting_drain = 1;
  }
  (void)block;
  if (e->sent >= e->to_send && e->shutdown_after && !e->shutdown_done &&
      !(s->stream_flags & 0)) {
    nd_shutdown_t *sr = malloc(sizeof(*sr));
    assert_non_null(sr);
    sr->data = e;
    e->shutdown_after = 0;
    ND_OK(nd_shutdown(sr, s, end_shutdown_cb));
  }
}

static void end_start_reading(struct end *e) {
  e->tls.data = e;
  ND_OK(nd_read_start((nd_stream_t *)&e->tls, alloc_malloc, end_read));
}

/* --- our client, our server ---------------------------------------------- */

static void test_handshake_getters(void **state) {
  nd_loop_t *loop = *state;
  struct pair p;
  const nd_x509_t *peer;
  char buf[512];

  pair_start(&p, loop, client_config(), server_config("server-ec"),
             "localhost");
  assert_int_equal(p.cli.hs_status, 0);
  assert_int_equal(p.srv.hs_status, 0);
  assert_true(nd_tls_is_established(&p.cli.tls));
  assert_string_equal(nd_tls_get_version(&p.cli.tls), "TLSv1.2");
  assert_string_equal(nd_tls_get_version(&p.srv.tls), "TLSv1.2");
  assert_string_equal(nd_tls_get_cipher(&p.cli.tls),
                      "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
  assert_string_equal(nd_tls_get_cipher(&p.srv.tls),
                      nd_tls_get_cipher(&p.cli.tls));
  assert_null(nd_tls_get_alpn(&p.cli.tls));
  assert_false(nd_tls_is_resumed(&p.cli.tls));
  assert_false(nd_tls_is_server(&p.cli.tls));
  assert_true(nd_tls_is_server(&p.srv.tls));
  assert_string_equal(nd_tls_get_server_name(&p.cli.tls), "localhost");
  assert_string_equal(nd_tls_get_server_name(&p.srv.tls), "localhost");
  assert_int_equal(nd_tls_get_verify_result(&p.cli.tls), 0);
  assert_string_equal(nd_tls_get_verify_reason(&p.cli.tls), "");
  /* The server asked for no certificate. */
  assert_int_equal(nd_tls_get_verify_result(&p.srv.tls), ND_ETLS_UNVERIFIED);
  assert_null(nd_tls_get_peer_cert(&p.srv.tls));
  peer = nd_tls_get_peer_cert(&p.cli.tls);
  assert_non_null(peer);
  assert_true(nd_x509_get_name_field(peer, ND_X509_SUBJECT, "CN", buf,
                                     sizeof(buf)) > 0);
  assert_string_equal(buf, "localhost");
  assert_true(nd_x509_get_name_field(peer, ND_X509_ISSUER, "CN", buf,
                                     sizeof(buf)) > 0);
  assert_string_equal(buf, "nodec test intermediate CA");
  /* The chain the server sent: leaf, then the intermediate. */
  assert_non_null(nd_x509_next(peer));
  assert_true(nd_x509_is_ca(nd_x509_next(peer)));
  assert_ptr_equal(nd_tls_get_transport(&p.cli.tls), &p.cli.tcp);
  assert_int_equal(nd_tls_get_peer_alert(&p.cli.tls), -1);
  pair_finish(&p);
}

/* The RSA chain is picked for an RSA suite, the ECDSA one otherwise. */
static void test_rsa_and_ecdsa(void **state) {
  nd_loop_t *loop = *state;
  nd_tls_config_t *s;
  nd_tls_config_t *c;
  struct pair p;

  ND_OK(nd_tls_config_new(&s, ND_TLS_SERVER));
  ND_OK(nd_tls_config_add_cert_file(s, cert("server-rsa-chain.pem"),
                                    cert("server-rsa.key"), NULL));
  ND_OK(nd_tls_config_add_cert_file(s, cert("server-ec-chain.pem"),
                                    cert("server-ec.key"), NULL));
  c = client_config();
  ND_OK(nd_tls_config_set_ciphers(
      c, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"));
  pair_start(&p, loop, c, nd_tls_config_ref(s), "localhost");
  assert_int_equal(p.cli.hs_status, 0);
  assert_string_equal(nd_tls_get_cipher(&p.cli.tls),
                      "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
  pair_finish(&p);

  c = client_config();
  ND_OK(nd_tls_config_set_ciphers(
      c, "TLS-ECDHE-ECDSA-WITH-AES-256-GCM-SHA384"));
  pair_start(&p, loop, c, s, "localhost");
  assert_int_equal(p.cli.hs_status, 0);
  assert_string_equal(nd_tls_get_cipher(&p.cli.tls),
                      "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
  pair_finish(&p);
}

/* 100 MiB each way at once, every byte checked, queues bounded. */
static void test_bulk_both_ways(void **state) {
  nd_loop_t *loop = *state;
  const uint64_t total = 100u * 1024 * 1024;
  struct pair p;
  int done = 0;

  pair_start(&p, loop, client_config(), server_config("server-ec"),
             "localhost");
  assert_int_equal(p.cli.hs_status, 0);
  p.cli.check_pattern = p.srv.check_pattern = 1;
  p.cli.pattern_id = 1;
  p.srv.pattern_id = 2;
  end_start_reading(&p.cli);
  end_start_reading(&p.srv);
  ND_OK(nd_stream_on_drain((nd_stream_t *)&p.cli.tls, end_drain));
  ND_OK(nd_stream_on_drain((nd_stream_t *)&p.srv.tls, end_drain));
  /* Each writes the pattern its peer checks. */
  p.cli.write_id = 2;
  p.srv.write_id = 1;
  p.cli.to_send = p.srv.to_send = total;
  p.cli.shutdown_after = p.srv.shutdown_after = 1;
  end_pump(&p.cli);
  end_pump(&p.srv);
  ND_OK(nd_timer_stop(&p.wd.timer));
  ND_OK(nd_timer_start(&p.wd.timer, watchdog_cb, 60000, 0));
  while (!p.wd.expired && !done) {
    nd_run(loop, ND_RUN_ONCE);
    done = p.cli.read_status == ND_EOF && p.srv.read_status == ND_EOF &&
           p.cli.shutdown_done && p.srv.shutdown_done;
  }
  assert_false(p.wd.expired);
  assert_int_equal(p.cli.received, total);
  assert_int_equal(p.srv.received, total);
  assert_false(p.cli.bad_byte);
  assert_false(p.srv.bad_byte);
  assert_int_equal(p.cli.written, total);
  assert_int_equal(p.srv.written, total);
  assert_int_equal(p.cli.shutdown_status, 0);
  /* Bounded by the watermark: one write past the high mark at most. */
  assert_true(p.cli.max_queue < ND_STREAM_HIGH_WATERMARK + WRITE_SIZE);
  assert_true(p.srv.max_queue < ND_STREAM_HIGH_WATERMARK + WRITE_SIZE);
  assert_int_equal(nd_stream_get_write_queue_size(
                       (nd_stream_t *)&p.cli.tls), 0);
  pair_finish(&p);
}

/* nd_shutdown sends close_notify: the peer reads the data, then ND_EOF. */
static void test_close_notify(void **state) {
  nd_loop_t *loop = *state;
  struct pair p;
  nd_write_t w;
  nd_shutdown_t sh;
  nd_buf_t buf = {(char *)"goodbye", 7};
  int r;

  pair_start(&p, loop, client_config(), server_config("server-ec"),
             "localhost");
  end_start_reading(&p.srv);
  w.data = &p.cli;
  sh.data = &p.cli;
  r = nd_write(&w, (nd_stream_t *)&p.cli.tls, &buf, 1, NULL);
  assert_int_equal(r, 0);
  ND_OK(nd_shutdown(&sh, (nd_stream_t *)&p.cli.tls, NULL));
  assert_int_equal(nd_shutdown(&sh, (nd_stream_t *)&p.cli.tls, NULL),
                   ND_ENOTCONN);
  assert_int_equal(nd_write(&w, (nd_stream_t *)&p.cli.tls, &buf, 1, NULL),
                   ND_EPIPE);
  while (p.srv.read_status == 0 && !p.wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  assert_string_equal(p.srv.text, "goodbye");
  assert_int_equal(p.srv.read_status, ND_EOF);
  assert_false(nd_is_writable((nd_stream_t *)&p.cli.tls));
  pair_finish(&p);
}

/* The second handshake resumes: by ticket, by session ID, by a saved one. */
static void test_resumption(void **state) {
  nd_loop_t *loop = *state;
  nd_tls_config_t *c = client_config();
  nd_tls_config_t *s = server_config("server-ec");
  nd_tls_config_t *s_noticket;
  nd_tls_config_t *c2;
  unsigned char saved[4096];
  struct pair p;
  int n;

  pair_start(&p, loop, nd_tls_config_ref(c), nd_tls_config_ref(s),
             "localhost");
  assert_int_equal(p.cli.hs_status, 0);
  assert_false(nd_tls_is_resumed(&p.cli.tls));
  n = nd_tls_get_session(&p.cli.tls, NULL, 0);
  assert_true(n > 0 && n <= (int)sizeof(saved));
  assert_int_equal(nd_tls_get_session(&p.cli.tls, saved, sizeof(saved)), n);
  pair_finish(&p);

  pair_start(&p, loop, nd_tls_config_ref(c), nd_tls_config_ref(s),
             "localhost");
  assert_int_equal(p.cli.hs_status, 0);
  assert_true(nd_tls_is_resumed(&p.cli.tls));
  assert_true(nd_tls_is_resumed(&p.srv.tls));
  /* The peer's certificate is still known after a resumption. */
  assert_non_null(nd_tls_get_peer_cert(&p.cli.tls));
  pair_finish(&p);

  /* A different name: a full handshake. */
  pair_start(&p, loop, nd_tls_config_ref(c), nd_tls_config_ref(s),
             "a.example.test");
  assert_int_equal(p.cli.hs_status, 0);
  assert_false(nd_tls_is_resumed(&p.cli.tls));
  pair_finish(&p);

  /* A saved session offered by a fresh client configuration. */
  c2 = client_config();
  ND_OK(nd_tls_config_set_session_cache(c2, 0, 0));
  offer = saved;
  offer_len = (size_t)n;
  pair_start(&p, loop, c2, nd_tls_config_ref(s), "localhost");
  offer = NULL;
  assert_int_equal(p.cli.hs_status, 0);
  assert_true(nd_tls_is_resumed(&p.cli.tls));
  pair_finish(&p);

  /* Without tickets the server resumes from its session-ID cache. */
  s_noticket = server_config("server-ec");
  ND_OK(nd_tls_config_set_session_tickets(s_noticket, 0, 0));
  pair_start(&p, loop, nd_tls_config_ref(c), nd_tls_config_ref(s_noticket),
             "b.example.test");
  assert_false(nd_tls_is_resumed(&p.cli.tls));
  pair_finish(&p);
  pair_start(&p, loop, nd_tls_config_ref(c), nd_tls_config_ref(s_noticket),
             "b.example.test");
  assert_int_equal(p.cli.hs_status, 0);
  assert_true(nd_tls_is_resumed(&p.cli.tls));
  assert_true(nd_tls_is_resumed(&p.srv.tls));
  pair_finish(&p);
  nd_tls_config_unref(s_noticket);
  nd_tls_config_unref(c);
  nd_tls_config_unref(s);
}

static void test_alpn(void **state) {
  nd_loop_t *loop = *state;
  static const char *const cli[] = {"h2", "http/1.1"};
  static const char *const srv[] = {"http/1.1", "spdy/3"};
  static const char *const other[] = {"imap"};
  nd_tls_config_t *c = client_config();
  nd_tls_config_t *s = server_config("server-ec");
  struct pair p;

  ND_OK(nd_tls_config_set_alpn(c, cli, 2));
  ND_OK(nd_tls_config_set_alpn(s, srv, 2));
  pair_start(&p, loop, c, s, "localhost");
  assert_int_equal(p.cli.hs_status, 0);
  assert_string_equal(nd_tls_get_alpn(&p.cli.tls), "http/1.1");
  assert_string_equal(nd_tls_get_alpn(&p.srv.tls), "http/1.1");
  pair_finish(&p);

  /* No protocol in common: the server refuses, and says why. */
  c = client_config();
  s = server_config("server-ec");
  ND_OK(nd_tls_config_set_alpn(c, other, 1));
  ND_OK(nd_tls_config_set_alpn(s, srv, 2));
  pair_start(&p, loop, c, s, "localhost");
  assert_int_equal(p.srv.hs_status, ND_ETLS_NO_ALPN);
  assert_int_equal(p.cli.hs_status, ND_ETLS_NO_ALPN);
  assert_int_equal(nd_tls_get_peer_alert(&p.cli.tls), 120);
  pair_finish(&p);
}

static nd_tls_config_t *alt_config;

static int pick_by_name(nd_tls_t *tls, const char *name, void *arg,
                        nd_tls_config_t **use) {
  (void)tls;
  (void)arg;
  if (name != NULL && strcmp(name, "alt.test") == 0)
    *use = alt_config;
  else if (name != NULL && strcmp(name, "nobody.example.org") == 0)
    return ND_ENOENT;
  return 0;
}

static void test_sni(void **state) {
  nd_loop_t *loop = *state;
  nd_tls_config_t *s = server_config("server-ec");
  struct pair p;
  char cn[64];

  alt_config = server_config("alt");
  ND_OK(nd_tls_config_set_sni_cb(s, pick_by_name, NULL));
  pair_start(&p, loop, client_config(), nd_tls_config_ref(s), "alt.test");
  assert_int_equal(p.cli.hs_status, 0);
  assert_string_equal(nd_tls_get_server_name(&p.srv.tls), "alt.test");
  assert_true(nd_x509_get_name_field(nd_tls_get_peer_cert(&p.cli.tls),
                                     ND_X509_SUBJECT, "CN", cn,
                                     sizeof(cn)) > 0);
  assert_string_equal(cn, "alt.test");
  pair_finish(&p);

  pair_start(&p, loop, client_config(), nd_tls_config_ref(s), "localhost");
  assert_int_equal(p.cli.hs_status, 0);
  assert_true(nd_x509_get_name_field(nd_tls_get_peer_cert(&p.cli.tls),
                                     ND_X509_SUBJECT, "CN", cn,
                                     sizeof(cn)) > 0);
  assert_string_equal(cn, "localhost");
  pair_finish(&p);

  /* The callback refuses a name. */
  pair_start(&p, loop, client_config(), nd_tls_config_ref(s),
             "nobody.example.org");
  assert_int_equal(p.srv.hs_status, ND_ETLS_UNRECOGNIZED_NAME);
  assert_int_equal(p.cli.hs_status, ND_ETLS_UNRECOGNIZED_NAME);
  pair_finish(&p);

  /* By IP address: no SNI sent, the IP SAN verified. */
  pair_start(&p, loop, client_config(), nd_tls_config_ref(s), "127.0.0.1");
  assert_int_equal(p.cli.hs_status, 0);
  assert_null(nd_tls_get_server_name(&p.srv.tls));
  pair_finish(&p);
  nd_tls_config_unref(s);
  nd_tls_config_unref(alt_config);
}

static void test_mutual_tls(void **state) {
  nd_loop_t *loop = *state;
  nd_tls_config_t *s;
  nd_tls_config_t *c;
  struct pair p;
  char cn[64];

  s = server_config("server-ec");
  ND_OK(nd_tls_config_add_ca_file(s, cert("ca.pem")));
  ND_OK(nd_tls_config_set_verify(s, ND_TLS_VERIFY_REQUIRED));
  c = client_config();
  ND_OK(nd_tls_config_add_cert_file(c, cert("client-chain.pem"),
                                    cert("client.key"), NULL));
  pair_start(&p, loop, c, nd_tls_config_ref(s), "localhost");
  assert_int_equal(p.cli.hs_status, 0);
  assert_int_equal(p.srv.hs_status, 0);
  assert_int_equal(nd_tls_get_verify_result(&p.srv.tls), 0);
  assert_true(nd_x509_get_name_field(nd_tls_get_peer_cert(&p.srv.tls),
                                     ND_X509_SUBJECT, "CN", cn,
                                     sizeof(cn)) > 0);
  assert_string_equal(cn, "nodec test client");
  pair_finish(&p);

  /* No client certificate: refused. */
  pair_start(&p, loop, client_config(), nd_tls_config_ref(s), "localhost");
  assert_int_equal(p.srv.hs_status, ND_ETLS_NO_PEER_CERT);
  assert_true(p.cli.hs_status == ND_ETLS_HANDSHAKE ||
              p.cli.hs_status == ND_ETLS_ALERT);
  assert_true(nd_tls_get_peer_alert(&p.cli.tls) > 0);
  pair_finish(&p);

  /* A client certificate from an unknown CA: refused with the reason. */
  c = client_config();
  ND_OK(nd_tls_config_add_cert_file(c, cert("unknown.pem"),
                                    cert("unknown.key"), NULL));
  pair_start(&p, loop, c, nd_tls_config_ref(s), "localhost");
  assert_int_equal(p.srv.hs_status, ND_ETLS_UNKNOWN_CA);
  assert_true(p.cli.hs_status < 0);
  pair_finish(&p);
  nd_tls_config_unref(s);
}

/* Each bad server certificate, refused with its own code. */
static void test_refusals(void **state) {
  static const struct {
    const char *server;
    const char *name;
    int code;
  } cases[] = {
      {"expired", "localhost", ND_ETLS_CERT_EXPIRED},
      {"notyet", "localhost", ND_ETLS_CERT_NOT_YET_VALID},
      {"wronghost", "localhost", ND_ETLS_HOSTNAME_MISMATCH},
      {"server-ec", "other.example.org", ND_ETLS_HOSTNAME_MISMATCH},
      {"server-ec", "a.b.example.test", ND_ETLS_HOSTNAME_MISMATCH},
      {"server-ec", "127.0.0.2", ND_ETLS_HOSTNAME_MISMATCH},
  };
  nd_loop_t *loop = *state;
  nd_tls_config_t *s;
  struct pair p;
  size_t i;

  for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
    pair_start(&p, loop, client_config(), server_config(cases[i].server),
               cases[i].name);
    if (p.cli.hs_status != cases[i].code)
      fail_msg("%s as %s: %s, not %s", cases[i].server, cases[i].name,
               nd_err_name(p.cli.hs_status), nd_err_name(cases[i].code));
    /* The server hears the client's alert. */
    assert_int_equal(p.srv.hs_status, ND_ETLS_ALERT);
    assert_true(nd_tls_get_peer_alert(&p.srv.tls) > 0);
    pair_finish(&p);
  }

  /* Self-signed, and from a CA nobody trusts: no chain file for these. */
  ND_OK(nd_tls_config_new(&s, ND_TLS_SERVER));
  ND_OK(nd_tls_config_add_cert_file(s, cert("selfsigned.pem"),
                                    cert("selfsigned.key"), NULL));
  pair_start(&p, loop, client_config(), s, "localhost");
  assert_int_equal(p.cli.hs_status, ND_ETLS_SELF_SIGNED);
  pair_finish(&p);
  ND_OK(nd_tls_config_new(&s, ND_TLS_SERVER));
  ND_OK(nd_tls_config_add_cert_file(s, cert("unknown.pem"),
                                    cert("unknown.key"), NULL));
  pair_start(&p, loop, client_config(), s, "localhost");
  assert_int_equal(p.cli.hs_status, ND_ETLS_UNKNOWN_CA);
  pair_finish(&p);

  /* A client that trusts no CA at all. */
  {
    nd_tls_config_t *c;
    ND_OK(nd_tls_config_new(&c, ND_TLS_CLIENT));
    pair_start(&p, loop, c, server_config("server-ec"), "localhost");
    assert_int_equal(p.cli.hs_status, ND_ETLS_UNKNOWN_CA);
    pair_finish(&p);
  }
  /* VERIFY_OPTIONAL: the handshake succeeds, the result says why not. */
  {
    nd_tls_config_t *c = client_config();
    ND_OK(nd_tls_config_set_verify(c, ND_TLS_VERIFY_OPTIONAL));
    pair_start(&p, loop, c, server_config("expired"), "localhost");
    assert_int_equal(p.cli.hs_status, 0);
    assert_int_equal(nd_tls_get_verify_result(&p.cli.tls),
                     ND_ETLS_CERT_EXPIRED);
    assert_non_null(strstr(nd_tls_get_verify_reason(&p.cli.tls), "expired"));
    pair_finish(&p);
  }
  /* Host checks off: the wrong name passes. */
  {
    nd_tls_config_t *c = client_config();
    ND_OK(nd_tls_config_set_verify_host(c, 0));
    pair_start(&p, loop, c, server_config("wronghost"), "localhost");
    assert_int_equal(p.cli.hs_status, 0);
    pair_finish(&p);
  }
}

/* --- configuration errors ------------------------------------------------ */

static void test_config_errors(void **state) {
  nd_tls_config_t *c;
  char *pem;
  char *key;
  size_t pem_len;
  size_t key_len;

  (void)state;
  ND_OK(nd_tls_config_new(&c, ND_TLS_SERVER));
  /* Encrypted keys: PKCS#8 and the legacy PEM form. */
  ND_OK(nd_tls_config_add_cert_file(c, cert("server-ec-chain.pem"),
                                    cert("server-ec-enc.key"), passphrase()));
  ND_OK(nd_tls_config_add_cert_file(c, cert("server-ec-chain.pem"),
                                    cert("server-ec-legacy.key"),
                                    passphrase()));
  assert_int_equal(nd_tls_config_add_cert_file(c, cert("server-ec-chain.pem"),
                                               cert("server-ec-aes.key"),
                                               passphrase()),
                   ND_ENOTSUP);
  assert_int_equal(nd_tls_config_add_cert_file(c, cert("server-ec-chain.pem"),
                                               cert("server-ec-enc.key"),
                                               "wrong"),
                   ND_ETLS_PASSPHRASE);
  assert_int_equal(nd_tls_config_add_cert_file(c, cert("server-ec-chain.pem"),
                                               cert("server-ec-enc.key"),
                                               NULL),
                   ND_ETLS_PASSPHRASE);
  assert_int_equal(nd_tls_config_add_cert_file(c, cert("server-ec.pem"),
                                               cert("server-rsa.key"), NULL),
                   ND_ETLS_KEY_MISMATCH);
  assert_int_equal(nd_tls_config_add_cert_file(c, cert("server-ec.key"),
                                               cert("server-ec.key"), NULL),
                   ND_ETLS_BAD_CERT);
  assert_int_equal(nd_tls_config_add_cert_file(c, cert("server-ec.pem"),
                                               cert("server-ec.pem"), NULL),
                   ND_ETLS_BAD_KEY);
  assert_int_equal(nd_tls_config_add_cert_file(c, cert("missing.pem"),
                                               cert("server-ec.key"), NULL),
                   ND_ENOENT);
  /* From memory, the same. */
  pem = slurp(cert("server-rsa-chain.pem"), &pem_len);
  key = slurp(cert("server-rsa.key"), &key_len);
  ND_OK(nd_tls_config_add_cert(c, pem, pem_len, key, key_len, NULL));
  free(pem);
  free(key);
  assert_int_equal(nd_tls_config_set_ciphers(c, "TLS_NO_SUCH_SUITE"),
                   ND_EINVAL);
  assert_int_equal(nd_tls_config_set_versions(c, ND_TLS_VERSION_1_3,
                                              ND_TLS_VERSION_1_3),
                   ND_ENOTSUP);
  assert_int_equal(nd_tls_config_set_versions(c, ND_TLS_VERSION_1_2,
                                              ND_TLS_VERSION_1_0),
                   ND_EINVAL);
  ND_OK(nd_tls_config_add_ca_dir(c, certdir));
  assert_int_equal(nd_tls_config_add_ca_file(c, cert("PASSPHRASE")),
                   ND_ETLS_BAD_CERT);
  if (access("/etc/ssl/certs/ca-certificates.crt", R_OK) == 0)
    ND_OK(nd_tls_config_add_ca_system(c));
  nd_tls_config_unref(c);
  assert_string_equal(nd_err_name(ND_ETLS_UNKNOWN_CA), "ETLS_UNKNOWN_CA");
  assert_string_equal(nd_strerror(ND_ETLS_CERT_EXPIRED),
                      "certificate has expired");
}

/* --- TLS over a pipe, and nd_stream_pipe through TLS --------------------- */

struct pipe_pair {
  nd_pipe_t a_pipe, b_pipe;
  nd_tls_t a, b;
  int hs;
  int status[2];
  char got[64];
  int eof;
};

static void pipe_hs(nd_tls_t *tls, int status) {
  struct pipe_pair *pp = tls->data;

  pp->status[pp->hs++] = status;
}

static void pipe_read_cb(nd_stream_t *s, ssize_t n, const nd_buf_t *buf) {
  struct pipe_pair *pp = s->data;

  if (n > 0)
    strncat(pp->got, buf->base, (size_t)n < sizeof(pp->got) - 1 -
                                                strlen(pp->got)
                                    ? (size_t)n
                                    : sizeof(pp->got) - 1 - strlen(pp->got));
  if (n == ND_EOF)
    pp->eof = 1;
}

static void test_over_pipe(void **state) {
  nd_loop_t *loop = *state;
  nd_tls_config_t *c = client_config();
  nd_tls_config_t *s = server_config("server-ec");
  struct pipe_pair pp;
  nd_write_t w;
  nd_shutdown_t sh;
  nd_buf_t buf = {(char *)"over a pipe", 11};
  watchdog_t wd;
  int sv[2];

  memset(&pp, 0, sizeof(pp));
  assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv), 0);
  ND_OK(nd_pipe_init(loop, &pp.a_pipe, 0));
  ND_OK(nd_pipe_init(loop, &pp.b_pipe, 0));
  ND_OK(nd_pipe_open(&pp.a_pipe, sv[0]));
  ND_OK(nd_pipe_open(&pp.b_pipe, sv[1]));
  ND_OK(nd_tls_init(loop, &pp.a, c, (nd_stream_t *)&pp.a_pipe));
  ND_OK(nd_tls_init(loop, &pp.b, s, (nd_stream_t *)&pp.b_pipe));
  nd_tls_config_unref(c);
  nd_tls_config_unref(s);
  pp.a.data = pp.b.data = &pp;
  ND_OK(nd_tls_set_server_name(&pp.a, "localhost"));
  ND_OK(nd_tls_handshake(&pp.a, pipe_hs));
  ND_OK(nd_tls_handshake(&pp.b, pipe_hs));
  assert_int_equal(nd_tls_handshake(&pp.b, pipe_hs), ND_EALREADY);
  /* Written before the handshake ends: waits for it. */
  ND_OK(nd_write(&w, (nd_stream_t *)&pp.a, &buf, 1, NULL));
  ND_OK(nd_shutdown(&sh, (nd_stream_t *)&pp.a, NULL));
  ND_OK(nd_read_start_loopbuf((nd_stream_t *)&pp.b, pipe_read_cb));
  watchdog_start(loop, &wd);
  while (!pp.eof && !wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  assert_int_equal(pp.hs, 2);
  assert_int_equal(pp.status[0], 0);
  assert_int_equal(pp.status[1], 0);
  assert_string_equal(pp.got, "over a pipe");
  nd_close((nd_handle_t *)&pp.a, NULL);
  nd_close((nd_handle_t *)&pp.b, NULL);
  nd_close((nd_handle_t *)&wd.timer, NULL);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
}

/* --- the stream API on TLS: pipe, try_write, pauses, close ------------- */

struct sp_state {
  int done;
  int status;
};

static void sp_done(nd_stream_pipe_t *req, int status) {
  struct sp_state *st = req->data;

  st->done = 1;
  st->status = status;
}

/*
 * An echo through nd_stream_pipe: what the server's TLS stream reads goes
 * into a socket pair, and what comes out of the pair goes back into the
 * TLS stream: TLS as the source and as the destination (copy path).
 */
static void test_stream_pipe(void **state) {
  nd_loop_t *loop = *state;
  const uint64_t total = 4u * 1024 * 1024;
  nd_stream_pipe_t out_req, in_req;
  struct sp_state out_st = {0, 1}, in_st = {0, 1};
  nd_pipe_t a, b;
  struct pair p;
  int sv[2];

  pair_start(&p, loop, client_config(), server_config("server-ec"),
             "localhost");
  assert_int_equal(p.cli.hs_status, 0);
  assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv), 0);
  ND_OK(nd_pipe_init(loop, &a, 0));
  ND_OK(nd_pipe_init(loop, &b, 0));
  ND_OK(nd_pipe_open(&a, sv[0]));
  ND_OK(nd_pipe_open(&b, sv[1]));
  out_req.data = &out_st;
  in_req.data = &in_st;
  ND_OK(nd_stream_pipe(&out_req, (nd_stream_t *)&p.srv.tls, (nd_stream_t *)&a,
                       0, sp_done));
  ND_OK(nd_stream_pipe(&in_req, (nd_stream_t *)&b, (nd_stream_t *)&p.srv.tls,
                       0, sp_done));
  p.cli.check_pattern = 1;
  p.cli.pattern_id = p.cli.write_id = 5;
  p.cli.to_send = total;
  p.cli.shutdown_after = 1;
  end_start_reading(&p.cli);
  ND_OK(nd_stream_on_drain((nd_stream_t *)&p.cli.tls, end_drain));
  end_pump(&p.cli);
  ND_OK(nd_timer_stop(&p.wd.timer));
  ND_OK(nd_timer_start(&p.wd.timer, watchdog_cb, 30000, 0));
  while (!p.wd.expired &&
         !(p.cli.read_status == ND_EOF && out_st.done && in_st.done))
    nd_run(loop, ND_RUN_ONCE);
  assert_false(p.wd.expired);
  assert_int_equal(out_st.status, 0);
  assert_int_equal(in_st.status, 0);
  assert_int_equal(out_req.bytes, total);
  assert_int_equal(in_req.bytes, total);
  assert_int_equal(out_req.bytes_spliced, 0);
  assert_int_equal(p.cli.received, total);
  assert_false(p.cli.bad_byte);
  nd_close((nd_handle_t *)&a, NULL);
  nd_close((nd_handle_t *)&b, NULL);
  pair_finish(&p);
}

static void test_try_write(void **state) {
  nd_loop_t *loop = *state;
  static char big[1024 * 1024];
  nd_buf_t hello = {(char *)"hello", 5};
  nd_buf_t bufs[2];
  struct pair p;
  uint64_t sent = 5;
  int r;

  pair_start(&p, loop, client_config(), server_config("server-ec"),
             "localhost");
  end_start_reading(&p.srv);
  assert_int_equal(nd_try_write((nd_stream_t *)&p.cli.tls, &hello, 1), 5);
  memset(big, 'x', sizeof(big));
  bufs[0].base = big;
  bufs[0].len = 100;
  bufs[1].base = big;
  bufs[1].len = sizeof(big);
  /* At most 64 KiB a call; what the socket did not take goes out later. */
  r = nd_try_write((nd_stream_t *)&p.cli.tls, bufs, 2);
  assert_true(r == ND_EAGAIN || (r > 100 && r <= 64 * 1024));
  if (r > 0)
    sent += (uint64_t)r;
  while (p.srv.received < sent && !p.wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  assert_int_equal(p.srv.received, sent);
  assert_memory_equal(p.srv.text, "helloxxxx", 9);
  pair_finish(&p);
}

/* A reader that stops: the data waits, and comes when it reads again. */
static void pause_read(nd_stream_t *s, ssize_t n, const nd_buf_t *buf) {
  end_read(s, n, (nd_buf_t *)buf);
  if (n > 0)
    ND_OK(nd_read_stop(s));
}

static void test_pause_reading(void **state) {
  nd_loop_t *loop = *state;
  struct pair p;
  nd_write_t w[3];
  nd_buf_t buf[3] = {{(char *)"one,", 4}, {(char *)"two,", 4},
                     {(char *)"three", 5}};
  int i;
  int reads = 0;

  pair_start(&p, loop, client_config(), server_config("server-ec"),
             "localhost");
  p.srv.tls.data = &p.srv;
  ND_OK(nd_read_start((nd_stream_t *)&p.srv.tls, alloc_malloc, pause_read));
  for (i = 0; i < 3; i++) {
    ND_OK(nd_write(&w[i], (nd_stream_t *)&p.cli.tls, &buf[i], 1, NULL));
    /* One record each: let the first arrive before the next is sent. */
    while (p.srv.received < (i == 0 ? 4u : 0u) && !p.wd.expired)
      nd_run(loop, ND_RUN_ONCE);
  }
  while (p.srv.received < 13 && !p.wd.expired && reads < 100) {
    /* Not reading: nothing arrives however long the loop runs. */
    uint64_t before = p.srv.received;
    nd_run(loop, ND_RUN_NOWAIT);
    assert_int_equal(p.srv.received, before);
    ND_OK(nd_read_start((nd_stream_t *)&p.srv.tls, alloc_malloc, pause_read));
    nd_run(loop, ND_RUN_ONCE);
    reads++;
  }
  assert_string_equal(p.srv.text, "one,two,three");
  assert_true(reads >= 2);
  pair_finish(&p);
}

/* TLS inside TLS: a TLS stream is a transport like any other. */
static void test_tls_over_tls(void **state) {
  nd_loop_t *loop = *state;
  struct pipe_pair in;
  nd_tls_config_t *c = client_config();
  nd_tls_config_t *s = server_config("alt");
  nd_write_t w;
  nd_shutdown_t sh;
  nd_buf_t buf = {(char *)"nested", 6};
  struct pair p;

  pair_start(&p, loop, client_config(), server_config("server-ec"),
             "localhost");
  assert_int_equal(p.cli.hs_status, 0);
  memset(&in, 0, sizeof(in));
  ND_OK(nd_tls_init(loop, &in.a, c, (nd_stream_t *)&p.cli.tls));
  ND_OK(nd_tls_init(loop, &in.b, s, (nd_stream_t *)&p.srv.tls));
  nd_tls_config_unref(c);
  nd_tls_config_unref(s);
  in.a.data = in.b.data = &in;
  ND_OK(nd_tls_set_server_name(&in.a, "alt.test"));
  ND_OK(nd_tls_handshake(&in.a, pipe_hs));
  ND_OK(nd_tls_handshake(&in.b, pipe_hs));
  ND_OK(nd_write(&w, (nd_stream_t *)&in.a, &buf, 1, NULL));
  ND_OK(nd_shutdown(&sh, (nd_stream_t *)&in.a, NULL));
  ND_OK(nd_read_start_loopbuf((nd_stream_t *)&in.b, pipe_read_cb));
  while (!in.eof && !p.wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  assert_int_equal(in.hs, 2);
  assert_int_equal(in.status[0], 0);
  assert_int_equal(in.status[1], 0);
  assert_string_equal(in.got, "nested");
  /* The inner certificate is the inner server's. */
  {
    char cn[64];
    assert_true(nd_x509_get_name_field(nd_tls_get_peer_cert(&in.a),
                                       ND_X509_SUBJECT, "CN", cn,
                                       sizeof(cn)) > 0);
    assert_string_equal(cn, "alt.test");
  }
  /* Closing the inner streams closes the outer ones and their sockets
   * (whose data fields are the inner streams' until then). */
  nd_close((nd_handle_t *)&in.a, NULL);
  nd_close((nd_handle_t *)&in.b, NULL);
  nd_close((nd_handle_t *)&p.server, NULL);
  nd_close((nd_handle_t *)&p.wd.timer, NULL);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  nd_tls_config_unref(p.ccfg);
  nd_tls_config_unref(p.scfg);
}

/*
 * 20 MiB at a server that does not read: TCP holds the writer back (the
 * server's stream stops its transport, so nothing piles up in it), the
 * writer's queue stays at its watermark, and once the server reads
 * everything arrives, in order.
 */
static void flood_tick(nd_timer_t *t) {
  *(int *)t->data = 1;
}

static void test_flood_held_back(void **state) {
  nd_loop_t *loop = *state;
  const uint64_t total = 20u * 1024 * 1024;
  nd_timer_t tick;
  int ticked = 0;
  struct pair p;

  pair_start(&p, loop, client_config(), server_config("server-ec"),
             "localhost");
  p.cli.write_id = p.srv.pattern_id = 7;
  p.srv.check_pattern = 1;
  p.cli.to_send = total;
  p.cli.tls.data = &p.cli;
  ND_OK(nd_stream_on_drain((nd_stream_t *)&p.cli.tls, end_drain));
  end_pump(&p.cli);
  ND_OK(nd_timer_init(loop, &tick));
  tick.data = &ticked;
  ND_OK(nd_timer_start(&tick, flood_tick, 300, 0));
  while (!ticked && !p.wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  assert_true(p.cli.waiting_drain);
  assert_true(p.cli.written < total);
  assert_true(p.cli.max_queue < ND_STREAM_HIGH_WATERMARK + WRITE_SIZE);
  assert_int_equal(p.srv.received, 0);
  end_start_reading(&p.srv);
  ND_OK(nd_timer_stop(&p.wd.timer));
  ND_OK(nd_timer_start(&p.wd.timer, watchdog_cb, 30000, 0));
  while (p.srv.received < total && !p.wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  assert_int_equal(p.srv.received, total);
  assert_false(p.srv.bad_byte);
  nd_close((nd_handle_t *)&tick, NULL);
  pair_finish(&p);
}

/* nd_close with writes queued: each callback once, in order, then close. */
static int order_log[64];
static int order_n;

static void order_write_cb(nd_write_t *req, int status) {
  order_log[order_n++] = (int)(intptr_t)req->data;
  if (status != 0 && status != ND_ECANCELED)
    fail_msg("write status %s", nd_err_name(status));
}

static void order_close_cb(nd_handle_t *h) {
  (void)h;
  order_log[order_n++] = 1000;
}

static void order_hs_cb(nd_tls_t *tls, int status) {
  (void)tls;
  order_log[order_n++] = 2000 + (status == ND_ECANCELED);
}

static void test_close_with_writes(void **state) {
  nd_loop_t *loop = *state;
  static char data[256 * 1024];
  nd_write_t w[8];
  nd_buf_t buf = {data, sizeof(data)};
  struct pair p;
  nd_tls_t tls;
  nd_tls_config_t *c;
  int i;

  pair_start(&p, loop, client_config(), server_config("server-ec"),
             "localhost");
  order_n = 0;
  for (i = 0; i < 8; i++) {
    w[i].data = (void *)(intptr_t)i;
    assert_true(nd_write(&w[i], (nd_stream_t *)&p.cli.tls, &buf, 1,
                         order_write_cb) >= 0);
  }
  assert_true(nd_stream_needs_drain((nd_stream_t *)&p.cli.tls));
  nd_close((nd_handle_t *)&p.cli.tls, order_close_cb);
  assert_int_equal(order_n, 0); /* nothing from inside nd_close */
  while (order_n < 9 && !p.wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  for (i = 0; i < 8; i++)
    assert_int_equal(order_log[i], i);
  assert_int_equal(order_log[8], 1000);
  p.cli.inited = 0;
  p.cli.closed = 1;
  {
    /* pair_finish would close the client again: the rest by hand. */
    nd_close((nd_handle_t *)&p.srv.tls, end_closed);
    nd_close((nd_handle_t *)&p.server, NULL);
    nd_close((nd_handle_t *)&p.wd.timer, NULL);
    assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
    nd_tls_config_unref(p.ccfg);
    nd_tls_config_unref(p.scfg);
  }
  assert_int_equal(order_n, 9); /* nothing after the close callback */

  /* Closed mid-handshake: the handshake callback says so, first. */
  order_n = 0;
  c = client_config();
  {
    int sv[2];
    nd_pipe_t pa;
    assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv),
                     0);
    ND_OK(nd_pipe_init(loop, &pa, 0));
    ND_OK(nd_pipe_open(&pa, sv[0]));
    ND_OK(nd_tls_init(loop, &tls, c, (nd_stream_t *)&pa));
    ND_OK(nd_tls_set_server_name(&tls, "localhost"));
    ND_OK(nd_tls_handshake(&tls, order_hs_cb));
    nd_close((nd_handle_t *)&tls, order_close_cb);
    assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
    close(sv[1]);
  }
  nd_tls_config_unref(c);
  assert_int_equal(order_n, 2);
  assert_int_equal(order_log[0], 2001);
  assert_int_equal(order_log[1], 1000);
}

/* --- openssl peers ------------------------------------------------------- */

static int free_port(void) {
  struct sockaddr_in a;
  socklen_t len = sizeof(a);
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  int port;

  memset(&a, 0, sizeof(a));
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof(a)), 0);
  assert_int_equal(getsockname(fd, (struct sockaddr *)&a, &len), 0);
  port = ntohs(a.sin_port);
  close(fd);
  return port;
}

/* Children still running when a test fails: killed at exit. */
static pid_t children[16];
static int nchildren;
static int child_stdin = -1; /* kept open for s_client, closed by reap */

static void kill_children(void) {
  int i;

  for (i = 0; i < nchildren; i++)
    if (children[i] > 0 && waitpid(children[i], NULL, WNOHANG) == 0) {
      kill(children[i], SIGKILL);
      waitpid(children[i], NULL, 0);
    }
}

/* Run argv with stdin from `input` (or nothing), stdout to out_path. */
static pid_t spawn(char *const argv[], const char *input,
                   const char *out_path) {
  int in[2];
  pid_t pid;

  assert_int_equal(pipe(in), 0);
  pid = fork();
  assert_true(pid >= 0);
  if (pid == 0) {
    int out = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int null = open("/dev/null", O_WRONLY);
    dup2(in[0], 0);
    dup2(out, 1);
    dup2(null, 2);
    close(in[1]);
    execvp(argv[0], argv);
    _exit(127);
  }
  close(in[0]);
  if (nchildren < 16)
    children[nchildren++] = pid;
  if (input != NULL)
    assert_int_equal(write(in[1], input, strlen(input)),
                     (ssize_t)strlen(input));
  /* s_client's stdin stays open: it must not quit before the reply. */
  if (input == NULL)
    close(in[1]);
  else
    child_stdin = in[1];
  return pid;
}

static int reap(pid_t pid) {
  int status = 0;
  int i;

  if (child_stdin >= 0) {
    close(child_stdin);
    child_stdin = -1;
  }
  for (i = 0; i < 500; i++) {
    if (waitpid(pid, &status, WNOHANG) == pid)
      return status;
    usleep(10000);
  }
  kill(pid, SIGKILL);
  waitpid(pid, &status, 0);
  return -1;
}

/* Wait until s_server says it accepts (it prints ACCEPT to stdout). */
static void wait_accepting(const char *out_path) {
  char *text;
  int i;

  for (i = 0; i < 500; i++) {
    if (access(out_path, R_OK) == 0) {
      text = slurp(out_path, NULL);
      if (strstr(text, "ACCEPT") != NULL) {
        free(text);
        return;
      }
      free(text);
    }
    usleep(10000);
  }
  fail_msg("openssl s_server did not start");
}

static void stop(pid_t pid) {
  kill(pid, SIGTERM);
  reap(pid);
}

/* Our client against `openssl s_server -rev` (answers lines reversed). */
struct client_run {
  nd_loop_t *loop;
  watchdog_t wd;
  nd_tcp_t tcp;
  nd_tls_t tls;
  nd_connect_t connect;
  nd_tls_config_t *cfg;
  const char *name;
  const char *send;
  struct end e;
  int inited;
  char alpn[32];
  char peer_cn[64];
};

static void run_write_cb(nd_write_t *req, int status) {
  (void)status;
  free(req);
}

static void run_handshake(nd_tls_t *tls, int status) {
  struct client_run *r = tls->data;
  nd_write_t *w;
  nd_buf_t buf;

  r->e.hs_done = 1;
  r->e.hs_status = status;
  if (status != 0)
    return;
  snprintf(r->alpn, sizeof(r->alpn), "%s",
           nd_tls_get_alpn(tls) != NULL ? nd_tls_get_alpn(tls) : "");
  if (nd_tls_get_peer_cert(tls) != NULL)
    nd_x509_get_name_field(nd_tls_get_peer_cert(tls), ND_X509_SUBJECT, "CN",
                           r->peer_cn, sizeof(r->peer_cn));
  end_start_reading(&r->e);
  w = malloc(sizeof(*w));
  buf.base = (char *)r->send;
  buf.len = strlen(r->send);
  ND_OK(nd_write(w, (nd_stream_t *)&r->e.tls, &buf, 1, run_write_cb));
}

static void run_connected(nd_connect_t *req, int status) {
  struct client_run *r = req->data;

  if (status != 0) {
    r->e.hs_done = 1;
    r->e.hs_status = status;
    return;
  }
  ND_OK(nd_tls_init(r->loop, &r->e.tls, r->cfg, (nd_stream_t *)&r->e.tcp));
  r->inited = 1;
  r->e.tls.data = r;
  if (r->name != NULL)
    ND_OK(nd_tls_set_server_name(&r->e.tls, r->name));
  ND_OK(nd_tls_handshake(&r->e.tls, run_handshake));
}

/*
 * Connect our client (cfg, naming name) to 127.0.0.1:port, send `send`,
 * read until text holds `expect` or the stream ends.
 */
static void client_run(struct client_run *r, nd_loop_t *loop, int port,
                       nd_tls_config_t *cfg, const char *name,
                       const char *send, const char *expect) {
  memset(r, 0, sizeof(*r));
  r->loop = loop;
  r->cfg = cfg;
  r->name = name;
  r->send = send;
  watchdog_start(loop, &r->wd);
  r->connect.data = r;
  connect_to(loop, &r->e.tcp, &r->connect, port, run_connected);
  while (!r->wd.expired) {
    nd_run(loop, ND_RUN_ONCE);
    if (r->e.hs_done && r->e.hs_status != 0)
      break;
    if (r->e.read_status != 0 || strstr(r->e.text, expect) != NULL)
      break;
  }
  assert_false(r->wd.expired);
  /* Only ours: a test may keep other handles on the loop. */
  r->e.tls.data = &r->e;
  if (r->inited) {
    nd_close((nd_handle_t *)&r->e.tls, end_closed);
  } else {
    r->e.tcp.data = &r->e; /* the TLS stream's while it has it */
    nd_close((nd_handle_t *)&r->e.tcp, end_closed);
  }
  nd_close((nd_handle_t *)&r->wd.timer, NULL);
  while (!r->e.closed || nd_is_active((nd_handle_t *)&r->wd.timer) ||
         !nd_is_closing((nd_handle_t *)&r->wd.timer))
    nd_run(loop, ND_RUN_ONCE);
  nd_run(loop, ND_RUN_NOWAIT); /* the timer's close */
  nd_tls_config_unref(cfg);
}

/* Start `openssl s_server -rev` on a free port with extra arguments. */
static pid_t start_s_server(int *port, char *out, const char *extra[]) {
  static int runs;
  char port_s[16];
  char *argv[40];
  int n = 0;
  pid_t pid;

  *port = free_port();
  snprintf(port_s, sizeof(port_s), "%d", *port);
  /* A file of its own: an old one says ACCEPT already. */
  snprintf(out, 300, "%s/s_server-%d.out", certdir, runs++);
  argv[n++] = "openssl";
  argv[n++] = "s_server";
  argv[n++] = "-rev";
  argv[n++] = "-accept";
  argv[n++] = port_s;
  while (*extra != NULL)
    argv[n++] = (char *)*extra++;
  argv[n] = NULL;
  pid = spawn(argv, NULL, out);
  wait_accepting(out);
  return pid;
}

static void test_openssl_server(void **state) {
  nd_loop_t *loop = *state;
  static const char *const alpn[] = {"h2", "http/1.1"};
  struct client_run r;
  nd_tls_config_t *c;
  char out[300];
  int port;
  pid_t pid;

  snprintf(out, sizeof(out), "%s/s_server.out", certdir);
  /* ALPN, and SNI choosing the second certificate. */
  {
    const char *extra[] = {"-cert", cert("server-ec.pem"), "-key",
                           cert("server-ec.key"), "-cert_chain",
                           cert("int.pem"), "-servername", "alt.test",
                           "-cert2", cert("alt.pem"), "-key2",
                           cert("alt.key"), "-alpn", "http/1.1", NULL};
    pid = start_s_server(&port, out, extra);
  }
  c = client_config();
  ND_OK(nd_tls_config_set_alpn(c, alpn, 2));
  ND_OK(nd_tls_config_add_ca_file(c, cert("int.pem")));
  client_run(&r, loop, port, c, "alt.test", "hello nodec\n", "cedon olleh");
  assert_int_equal(r.e.hs_status, 0);
  assert_non_null(strstr(r.e.text, "cedon olleh"));
  assert_string_equal(r.peer_cn, "alt.test");
  /* (s_server answers ALPN for its first certificate's name only.) */
  c = client_config();
  ND_OK(nd_tls_config_set_alpn(c, alpn, 2));
  client_run(&r, loop, port, c, "localhost", "second\n", "dnoces");
  assert_int_equal(r.e.hs_status, 0);
  assert_string_equal(r.peer_cn, "localhost");
  assert_string_equal(r.alpn, "http/1.1");
  stop(pid);

  /* Mutual TLS: accepted with our client certificate, refused without. */
  {
    const char *extra[] = {"-cert", cert("server-rsa.pem"), "-cert_chain",
                           cert("int.pem"), "-key", cert("server-rsa.key"),
                           "-Verify", "2",
                           "-CAfile", cert("ca.pem"), "-verify_return_error",
                           NULL};
    pid = start_s_server(&port, out, extra);
  }
  c = client_config();
  ND_OK(nd_tls_config_add_cert_file(c, cert("client-chain.pem"),
                                    cert("client.key"), NULL));
  client_run(&r, loop, port, c, "localhost", "mutual\n", "lautum");
  assert_int_equal(r.e.hs_status, 0);
  assert_non_null(strstr(r.e.text, "lautum"));
  client_run(&r, loop, port, client_config(), "localhost", "x\n", "x");
  assert_true(r.e.hs_status == ND_ETLS_HANDSHAKE ||
              r.e.hs_status == ND_ETLS_ALERT);
  stop(pid);

  /* A TLS 1.0-only server: no version in common. */
  {
    const char *extra[] = {"-cert", cert("server-rsa.pem"), "-cert_chain",
                           cert("int.pem"), "-key", cert("server-rsa.key"),
                           "-tls1", "-cipher",
                           "DEFAULT@SECLEVEL=0", NULL};
    pid = start_s_server(&port, out, extra);
  }
  /* Our suites are all TLS 1.2 ones: it finds none and says so. */
  client_run(&r, loop, port, client_config(), "localhost", "old\n", "dlo");
  assert_int_equal(r.e.hs_status, ND_ETLS_HANDSHAKE);
  /* Offered one it can use, it answers TLS 1.0, which we refuse. */
  c = client_config();
  ND_OK(nd_tls_config_set_ciphers(
      c, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256:"
         "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"));
  client_run(&r, loop, port, c, "localhost", "old\n", "dlo");
  assert_int_equal(r.e.hs_status, ND_ETLS_PROTOCOL_VERSION);
  stop(pid);
}

/* Our server against `openssl s_client`, which sends "ping\n". */
struct server_run {
  nd_loop_t *loop;
  watchdog_t wd;
  nd_tcp_t server;
  nd_tls_config_t *cfg;
  struct end e;
  int inited;
  int done;
  char alpn[32];
  char sni[64];
  char peer_cn[64];
};

static void srv_shutdown_cb(nd_shutdown_t *req, int status) {
  struct server_run *r = req->data;

  (void)status;
  free(req);
  r->done = 1;
}

static void srv_read(nd_stream_t *s, ssize_t n, const nd_buf_t *buf) {
  struct server_run *r = s->data;
  nd_write_t *w;
  nd_shutdown_t *sh;
  nd_buf_t out = {(char *)"pong\n", 5};

  if (n > 0 && strlen(r->e.text) + (size_t)n < sizeof(r->e.text))
    strncat(r->e.text, buf->base, (size_t)n);
  free(buf->base);
  if (n < 0) {
    r->e.read_status = (int)n;
    r->done = 1;
    return;
  }
  if (strstr(r->e.text, "ping\n") != NULL && !r->e.shutdown_after) {
    r->e.shutdown_after = 1;
    w = malloc(sizeof(*w));
    ND_OK(nd_write(w, s, &out, 1, run_write_cb));
    sh = malloc(sizeof(*sh));
    sh->data = r;
    ND_OK(nd_shutdown(sh, s, srv_shutdown_cb));
  }
}

static void srv_handshake(nd_tls_t *tls, int status) {
  struct server_run *r = tls->data;
  const char *v;

  r->e.hs_done = 1;
  r->e.hs_status = status;
  if (status != 0) {
    r->done = 1;
    return;
  }
  v = nd_tls_get_alpn(tls);
  snprintf(r->alpn, sizeof(r->alpn), "%s", v != NULL ? v : "");
  v = nd_tls_get_server_name(tls);
  snprintf(r->sni, sizeof(r->sni), "%s", v != NULL ? v : "");
  if (nd_tls_get_peer_cert(tls) != NULL)
    nd_x509_get_name_field(nd_tls_get_peer_cert(tls), ND_X509_SUBJECT, "CN",
                           r->peer_cn, sizeof(r->peer_cn));
  ND_OK(nd_read_start((nd_stream_t *)tls, alloc_malloc, srv_read));
}

static void srv_accept(nd_stream_t *server, int status) {
  struct server_run *r = server->data;

  assert_int_equal(status, 0);
  if (r->inited)
    return;
  ND_OK(nd_tcp_init(r->loop, &r->e.tcp));
  ND_OK(nd_accept(server, (nd_stream_t *)&r->e.tcp));
  ND_OK(nd_tls_init(r->loop, &r->e.tls, r->cfg, (nd_stream_t *)&r->e.tcp));
  r->inited = 1;
  r->e.tls.data = r;
  ND_OK(nd_tls_handshake(&r->e.tls, srv_handshake));
}

/* Serve one s_client run with `args`; returns what s_client printed. */
static const char *client_input = "ping\n";

static char *server_run(struct server_run *r, nd_loop_t *loop,
                        nd_tls_config_t *cfg, const char *args[]) {
  char port_s[32];
  char out[300];
  char *argv[40];
  int port;
  int n = 0;
  pid_t pid;
  char *text;

  memset(r, 0, sizeof(*r));
  r->loop = loop;
  r->cfg = cfg;
  watchdog_start(loop, &r->wd);
  listen_any(loop, &r->server, &port);
  r->server.data = r;
  ND_OK(nd_listen((nd_stream_t *)&r->server, 4, srv_accept));
  snprintf(port_s, sizeof(port_s), "127.0.0.1:%d", port);
  snprintf(out, sizeof(out), "%s/s_client.out", certdir);
  argv[n++] = "openssl";
  argv[n++] = "s_client";
  if (strcmp(client_input, "ping\n") == 0)
    argv[n++] = "-quiet";
  argv[n++] = "-connect";
  argv[n++] = port_s;
  while (*args != NULL)
    argv[n++] = (char *)*args++;
  argv[n] = NULL;
  pid = spawn(argv, client_input, out);
  while (!r->done && !r->wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  assert_false(r->wd.expired);
  if (r->inited)
    nd_close((nd_handle_t *)&r->e.tls, NULL);
  nd_close((nd_handle_t *)&r->server, NULL);
  nd_close((nd_handle_t *)&r->wd.timer, NULL);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  reap(pid);
  nd_tls_config_unref(cfg);
  text = slurp(out, NULL);
  return text;
}

static void test_openssl_client(void **state) {
  nd_loop_t *loop = *state;
  static const char *const alpn[] = {"http/1.1", "h2"};
  struct server_run r;
  nd_tls_config_t *s;
  char *out;

  /* Verified by s_client, ALPN, SNI. */
  s = server_config("server-ec");
  ND_OK(nd_tls_config_set_alpn(s, alpn, 2));
  {
    const char *args[] = {"-CAfile", cert("ca.pem"), "-verify_return_error",
                          "-servername", "localhost", "-alpn", "h2,spdy",
                          NULL};
    out = server_run(&r, loop, s, args);
  }
  assert_int_equal(r.e.hs_status, 0);
  assert_string_equal(r.e.text, "ping\n");
  assert_string_equal(out, "pong\n");
  assert_string_equal(r.alpn, "h2");
  assert_string_equal(r.sni, "localhost");
  free(out);

  /* Mutual TLS: with s_client's certificate, and refused without. */
  s = server_config("server-rsa");
  ND_OK(nd_tls_config_add_ca_file(s, cert("ca.pem")));
  ND_OK(nd_tls_config_set_verify(s, ND_TLS_VERIFY_REQUIRED));
  nd_tls_config_ref(s);
  {
    const char *args[] = {"-CAfile", cert("ca.pem"), "-verify_return_error",
                          "-cert", cert("client.pem"), "-cert_chain",
                          cert("int.pem"), "-key", cert("client.key"), NULL};
    out = server_run(&r, loop, s, args);
  }
  assert_int_equal(r.e.hs_status, 0);
  assert_string_equal(r.peer_cn, "nodec test client");
  assert_string_equal(out, "pong\n");
  free(out);
  {
    const char *args[] = {"-CAfile", cert("ca.pem"), NULL};
    out = server_run(&r, loop, s, args);
  }
  assert_int_equal(r.e.hs_status, ND_ETLS_NO_PEER_CERT);
  assert_string_equal(out, "");
  free(out);

  /* A client offering only weak suites (RSA key exchange, CBC, SHA-1). */
  {
    const char *args[] = {"-tls1_2", "-cipher", "AES128-SHA:@SECLEVEL=0",
                          NULL};
    out = server_run(&r, loop, server_config("server-rsa"), args);
  }
  assert_int_equal(r.e.hs_status, ND_ETLS_NO_SHARED_CIPHER);
  free(out);
  /* A client asking to renegotiate (s_client's R command): refused. */
  client_input = "R\n";
  {
    const char *args[] = {"-CAfile", cert("ca.pem"), NULL};
    out = server_run(&r, loop, server_config("server-ec"), args);
  }
  client_input = "ping\n";
  assert_int_equal(r.e.hs_status, 0);
  assert_int_equal(r.e.read_status, ND_ETLS_RENEGOTIATION);
  free(out);
  /* A TLS 1.0-only client. */
  {
    const char *args[] = {"-tls1", "-cipher", "DEFAULT@SECLEVEL=0", NULL};
    out = server_run(&r, loop, server_config("server-rsa"), args);
  }
  assert_int_equal(r.e.hs_status, ND_ETLS_PROTOCOL_VERSION);
  free(out);
}

/* --- garbage and truncation ---------------------------------------------- */

/*
 * A misbehaving peer on a thread with blocking sockets: it accepts one
 * connection on `listen_fd`, reads the ClientHello, then does `mode`.
 */
enum { BAD_HTTP, BAD_RANDOM, BAD_CUT_AFTER_SERVER_HELLO, BAD_FLOOD,
       BAD_EARLY_CCS };

struct bad_peer {
  int listen_fd;
  int port;
  int mode;
  int upstream_port;      /* BAD_CUT_AFTER_SERVER_HELLO: the real server */
  size_t flood_written;
  pthread_t thread;
};

static ssize_t read_record(int fd, unsigned char *buf, size_t size) {
  size_t have = 0;
  size_t need = 5;
  ssize_t n;

  /* Exactly one record: what follows it stays in the socket. */
  while (have < need) {
    n = read(fd, buf + have, need - have);
    if (n <= 0)
      return -1;
    have += (size_t)n;
    if (have >= 5)
      need = 5 + ((size_t)buf[3] << 8 | buf[4]);
    if (need > size)
      return -1;
  }
  return (ssize_t)need;
}

static void *bad_peer_main(void *arg) {
  struct bad_peer *b = arg;
  unsigned char buf[65536];
  int fd = accept(b->listen_fd, NULL, NULL);
  ssize_t n;

  if (fd < 0)
    return NULL;
  n = read_record(fd, buf, sizeof(buf));
  if (n > 0 && b->mode == BAD_HTTP) {
    static const char reply[] =
        "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n";
    (void)!write(fd, reply, sizeof(reply) - 1);
  } else if (n > 0 && b->mode == BAD_EARLY_CCS) {
    /* ChangeCipherSpec where the ServerHello belongs. */
    static const unsigned char ccs[] = {20, 3, 3, 0, 1, 1};
    (void)!write(fd, ccs, sizeof(ccs));
    (void)!read(fd, buf, sizeof(buf)); /* until the client gives up */
  } else if (n > 0 && b->mode == BAD_RANDOM) {
    unsigned char junk[4096];
    size_t i;
    for (i = 0; i < sizeof(junk); i++)
      junk[i] = pattern(9, i);
    junk[0] = 0xff;
    (void)!write(fd, junk, sizeof(junk));
  } else if (n > 0 && b->mode == BAD_CUT_AFTER_SERVER_HELLO) {
    struct sockaddr_in a;
    int up = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    memset(&a, 0, sizeof(a));
    a.sin_family = AF_INET;
    a.sin_port = htons((uint16_t)b->upstream_port);
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(up, (struct sockaddr *)&a, sizeof(a)) == 0 &&
        write(up, buf, (size_t)n) == n) {
      /* The server's first record is its ServerHello: pass it, then go. */
      n = read_record(up, buf, sizeof(buf));
      if (n > 0 && buf[5] == 2) /* handshake type server_hello */
        (void)!write(fd, buf, (size_t)n);
    }
    close(up);
  } else if (n > 0 && b->mode == BAD_FLOOD) {
    /* Handshake records claiming an impossible message, 20 MiB of them. */
    static unsigned char rec[5 + 16384];
    size_t total = 20u * 1024 * 1024;
    rec[0] = 0x16;
    rec[1] = 3;
    rec[2] = 3;
    rec[3] = 0x40;
    rec[4] = 0;
    memset(rec + 5, 0xff, sizeof(rec) - 5);
    while (b->flood_written < total) {
      n = write(fd, rec, sizeof(rec));
      if (n <= 0)
        break;
      b->flood_written += (size_t)n;
    }
  }
  close(fd);
  return NULL;
}

static void bad_peer_start(struct bad_peer *b, int mode) {
  struct sockaddr_in a;
  socklen_t len = sizeof(a);

  memset(b, 0, sizeof(*b));
  b->mode = mode;
  b->listen_fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  memset(&a, 0, sizeof(a));
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  assert_int_equal(bind(b->listen_fd, (struct sockaddr *)&a, sizeof(a)), 0);
  assert_int_equal(listen(b->listen_fd, 4), 0);
  assert_int_equal(getsockname(b->listen_fd, (struct sockaddr *)&a, &len), 0);
  b->port = ntohs(a.sin_port);
}

static void bad_peer_go(struct bad_peer *b) {
  assert_int_equal(pthread_create(&b->thread, NULL, bad_peer_main, b), 0);
}

static void bad_peer_end(struct bad_peer *b) {
  pthread_join(b->thread, NULL);
  close(b->listen_fd);
}

/*
 * A proxy that passes records both ways and flips one bit of the first
 * application-data record from the client: the server must see a bad MAC.
 */
struct mitm {
  struct bad_peer b;
  int corrupted;
};

static struct mitm the_mitm;

static void *mitm_main(void *arg) {
  struct mitm *m = arg;
  unsigned char buf[20000];
  struct sockaddr_in a;
  struct pollfd fds[2];
  int c = accept(m->b.listen_fd, NULL, NULL);
  int up = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  ssize_t n;
  int i;

  memset(&a, 0, sizeof(a));
  a.sin_family = AF_INET;
  a.sin_port = htons((uint16_t)m->b.upstream_port);
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (c < 0 || connect(up, (struct sockaddr *)&a, sizeof(a)) != 0)
    goto out;
  fds[0].fd = c;
  fds[1].fd = up;
  fds[0].events = fds[1].events = POLLIN;
  for (;;) {
    if (poll(fds, 2, 5000) <= 0)
      break;
    for (i = 0; i < 2; i++) {
      if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
        continue;
      n = read_record(fds[i].fd, buf, sizeof(buf));
      if (n <= 0)
        goto out;
      if (i == 0 && buf[0] == 23 && !m->corrupted) {
        buf[n - 1] ^= 1; /* the last byte of the GCM tag */
        m->corrupted = 1;
      }
      if (write(fds[1 - i].fd, buf, (size_t)n) != n)
        goto out;
    }
  }
out:
  if (c >= 0)
    close(c);
  close(up);
  return NULL;
}

static void mitm_via(struct pair *p) {
  bad_peer_start(&the_mitm.b, BAD_HTTP);
  the_mitm.corrupted = 0;
  the_mitm.b.upstream_port = p->port;
  p->via_port = the_mitm.b.port;
  assert_int_equal(pthread_create(&the_mitm.b.thread, NULL, mitm_main,
                                  &the_mitm), 0);
}

static void test_bad_record_mac(void **state) {
  nd_loop_t *loop = *state;
  nd_buf_t buf = {(char *)"secret", 6};
  nd_write_t w;
  struct pair p;

  pair_via = mitm_via;
  pair_start(&p, loop, client_config(), server_config("server-ec"),
             "localhost");
  pair_via = NULL;
  assert_int_equal(p.cli.hs_status, 0);
  end_start_reading(&p.srv);
  end_start_reading(&p.cli);
  ND_OK(nd_write(&w, (nd_stream_t *)&p.cli.tls, &buf, 1, NULL));
  while ((p.srv.read_status == 0 || p.cli.read_status == 0) &&
         !p.wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  assert_true(the_mitm.corrupted);
  assert_int_equal(p.srv.read_status, ND_ETLS_BAD_RECORD_MAC);
  assert_int_equal(p.srv.received, 0);
  /* The server's alert tells the client. */
  assert_int_equal(p.cli.read_status, ND_ETLS_BAD_RECORD_MAC);
  assert_int_equal(nd_tls_get_peer_alert(&p.cli.tls), 20);
  /* The stream is broken for writing too. */
  assert_int_equal(nd_write(&w, (nd_stream_t *)&p.srv.tls, &buf, 1, NULL),
                   ND_ETLS_BAD_RECORD_MAC);
  pair_finish(&p);
  bad_peer_end(&the_mitm.b);
}

static void test_garbage(void **state) {
  nd_loop_t *loop = *state;
  struct client_run r;
  struct bad_peer b;
  int fds = test_count_fds();

  bad_peer_start(&b, BAD_HTTP);
  bad_peer_go(&b);
  client_run(&r, loop, b.port, client_config(), "localhost", "x", "never");
  assert_int_equal(r.e.hs_status, ND_ETLS_PROTOCOL);
  bad_peer_end(&b);

  bad_peer_start(&b, BAD_RANDOM);
  bad_peer_go(&b);
  client_run(&r, loop, b.port, client_config(), "localhost", "x", "never");
  assert_int_equal(r.e.hs_status, ND_ETLS_PROTOCOL);
  bad_peer_end(&b);

  bad_peer_start(&b, BAD_EARLY_CCS);
  bad_peer_go(&b);
  client_run(&r, loop, b.port, client_config(), "localhost", "x", "never");
  assert_int_equal(r.e.hs_status, ND_ETLS_UNEXPECTED_MESSAGE);
  bad_peer_end(&b);

  bad_peer_start(&b, BAD_FLOOD);
  bad_peer_go(&b);
  client_run(&r, loop, b.port, client_config(), "localhost", "x", "never");
  assert_true(r.e.hs_status <= ND_ETLS_UNKNOWN_CA &&
              r.e.hs_status > ND_ETLS_UNKNOWN_CA - 100);
  bad_peer_end(&b);
  /* We stopped reading and closed: the flood never got through. */
  assert_true(b.flood_written < 20u * 1024 * 1024);
  assert_int_equal(test_count_fds(), fds);
}

/* A client that speaks plain HTTP to our server. */
static void test_garbage_to_server(void **state) {
  nd_loop_t *loop = *state;
  struct server_run r;
  struct sockaddr_in a;
  int port;
  int fd;
  static const char req[] = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";

  memset(&r, 0, sizeof(r));
  r.loop = loop;
  r.cfg = server_config("server-ec");
  watchdog_start(loop, &r.wd);
  listen_any(loop, &r.server, &port);
  r.server.data = &r;
  ND_OK(nd_listen((nd_stream_t *)&r.server, 4, srv_accept));
  fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  memset(&a, 0, sizeof(a));
  a.sin_family = AF_INET;
  a.sin_port = htons((uint16_t)port);
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  assert_int_equal(connect(fd, (struct sockaddr *)&a, sizeof(a)), 0);
  assert_int_equal(write(fd, req, sizeof(req) - 1), (ssize_t)sizeof(req) - 1);
  while (!r.done && !r.wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  assert_int_equal(r.e.hs_status, ND_ETLS_PROTOCOL);
  nd_close((nd_handle_t *)&r.e.tls, NULL);
  nd_close((nd_handle_t *)&r.server, NULL);
  nd_close((nd_handle_t *)&r.wd.timer, NULL);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  close(fd);
  nd_tls_config_unref(r.cfg);
}

/* The peer goes away right after its ServerHello. */
static void test_cut_after_server_hello(void **state) {
  nd_loop_t *loop = *state;
  struct pair p;
  struct client_run r;
  struct bad_peer b;

  /* A real server for the ServerHello, on the same loop. */
  memset(&p, 0, sizeof(p));
  p.loop = loop;
  p.scfg = server_config("server-ec");
  p.srv.pair = &p;
  listen_any(loop, &p.server, &p.port);
  p.server.data = &p;
  ND_OK(nd_listen((nd_stream_t *)&p.server, 8, pair_accept));
  bad_peer_start(&b, BAD_CUT_AFTER_SERVER_HELLO);
  b.upstream_port = p.port;
  bad_peer_go(&b);
  client_run(&r, loop, b.port, client_config(), "localhost", "x", "never");
  assert_int_equal(r.e.hs_status, ND_ECONNRESET);
  bad_peer_end(&b);
  /* The server saw its client vanish too. */
  watchdog_start(loop, &p.wd);
  while (p.srv.inited && !p.srv.hs_done && !p.wd.expired)
    nd_run(loop, ND_RUN_ONCE);
  assert_true(p.srv.hs_status < 0);
  p.cli.inited = 1; /* nothing to close on the client side */
  p.cli.closed = 1;
  if (p.srv.inited)
    nd_close((nd_handle_t *)&p.srv.tls, end_closed);
  nd_close((nd_handle_t *)&p.server, NULL);
  nd_close((nd_handle_t *)&p.wd.timer, NULL);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  nd_tls_config_unref(p.scfg);
}

/* --- X.509 ---------------------------------------------------------------- */

static void openssl_field(const char *args, const char *file, char *buf,
                          size_t size) {
  char cmd[1024];
  FILE *f;
  size_t n;

  snprintf(cmd, sizeof(cmd), "openssl x509 -noout %s -in %s", args, file);
  f = popen(cmd, "r");
  assert_non_null(f);
  n = fread(buf, 1, size - 1, f);
  buf[n] = '\0';
  while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
    buf[--n] = '\0';
  pclose(f);
}

static void test_x509(void **state) {
  nd_x509_t *x;
  char buf[2048];
  char want[2048];
  char *pem;
  size_t len;
  const uint8_t *der;
  size_t der_len;
  int64_t nb;
  int64_t na;
  nd_x509_t *y;

  (void)state;
  pem = slurp(cert("server-ec-chain.pem"), &len);
  ND_OK(nd_x509_parse(&x, pem, len));
  assert_true(nd_x509_get_name(x, ND_X509_SUBJECT, buf, sizeof(buf)) > 0);
  assert_string_equal(buf, "O=nodec tests\nCN=localhost");
  assert_true(nd_x509_get_name(x, ND_X509_ISSUER, buf, sizeof(buf)) > 0);
  assert_string_equal(buf, "O=nodec tests\nCN=nodec test intermediate CA");
  assert_int_equal(nd_x509_get_name_field(x, ND_X509_SUBJECT, "OU", buf,
                                          sizeof(buf)),
                   ND_ENOENT);
  assert_true(nd_x509_get_subject_alt_names(x, buf, sizeof(buf)) > 0);
  assert_string_equal(buf, "DNS:localhost, DNS:*.example.test, "
                           "IP Address:127.0.0.1, "
                           "IP Address:0:0:0:0:0:0:0:1");
  assert_int_equal(nd_x509_get_subject_alt_names(x, buf, 10), ND_ENOBUFS);
  /* Serial and fingerprint as openssl prints them. */
  openssl_field("-serial", cert("server-ec.pem"), want, sizeof(want));
  assert_true(nd_x509_get_serial(x, buf, sizeof(buf)) > 0);
  assert_string_equal(buf, want + strlen("serial="));
  openssl_field("-fingerprint -sha256", cert("server-ec.pem"), want,
                sizeof(want));
  assert_true(nd_x509_get_fingerprint(x, ND_HASH_SHA256, buf, sizeof(buf)) >
              0);
  assert_string_equal(buf, strchr(want, '=') + 1);
  openssl_field("-fingerprint -sha1", cert("server-ec.pem"), want,
                sizeof(want));
  assert_true(nd_x509_get_fingerprint(x, ND_HASH_SHA1, buf, sizeof(buf)) > 0);
  assert_string_equal(buf, strchr(want, '=') + 1);
  /* Validity: ten years from about now. */
  ND_OK(nd_x509_get_validity(x, &nb, &na));
  assert_true(nb <= (int64_t)time(NULL) && nb > (int64_t)time(NULL) - 86400);
  assert_true(na - nb == 3650 * 86400);
  /* PEM out is the file's first block; DER parses to the same. */
  assert_true(nd_x509_get_pem(x, buf, sizeof(buf)) > 0);
  {
    char *leaf = slurp(cert("server-ec.pem"), NULL);
    assert_string_equal(buf, leaf);
    free(leaf);
  }
  ND_OK(nd_x509_get_der(x, &der, &der_len));
  ND_OK(nd_x509_parse(&y, der, der_len));
  assert_null(nd_x509_next(y));
  assert_true(nd_x509_get_fingerprint(y, ND_HASH_SHA256, want,
                                      sizeof(want)) > 0);
  assert_true(nd_x509_get_fingerprint(x, ND_HASH_SHA256, buf, sizeof(buf)) >
              0);
  assert_string_equal(buf, want);
  nd_x509_free(y);
  /* Host names. */
  assert_int_equal(nd_x509_check_host(x, "localhost"), 0);
  assert_int_equal(nd_x509_check_host(x, "LOCALHOST."), 0);
  assert_int_equal(nd_x509_check_host(x, "a.example.test"), 0);
  assert_int_equal(nd_x509_check_host(x, "a.b.example.test"),
                   ND_ETLS_HOSTNAME_MISMATCH);
  assert_int_equal(nd_x509_check_host(x, "example.test"),
                   ND_ETLS_HOSTNAME_MISMATCH);
  assert_int_equal(nd_x509_check_host(x, "127.0.0.1"), 0);
  assert_int_equal(nd_x509_check_host(x, "::1"), 0);
  assert_int_equal(nd_x509_check_host(x, "127.0.0.2"),
                   ND_ETLS_HOSTNAME_MISMATCH);
  /* The chain's second certificate, the intermediate CA. */
  assert_false(nd_x509_is_ca(x));
  assert_non_null(nd_x509_next(x));
  assert_true(nd_x509_is_ca(nd_x509_next(x)));
  assert_true(nd_x509_get_subject_alt_names(nd_x509_next(x), buf,
                                            sizeof(buf)) == 0);
  assert_string_equal(buf, "");
  nd_x509_free(x);
  free(pem);
  assert_int_equal(nd_x509_parse(&x, "junk", 4), ND_ETLS_BAD_CERT);
  assert_null(x);
}

/* --- setup ---------------------------------------------------------------- */

static int make_certs(void) {
  const char *src = getenv("SRCDIR");
  char cmd[1024];

  snprintf(certdir, sizeof(certdir), "/tmp/nodec-tls-XXXXXX");
  if (mkdtemp(certdir) == NULL)
    return -1;
  snprintf(cmd, sizeof(cmd), "sh %s/tests/tls/make-certs.sh %s",
           src != NULL ? src : ".", certdir);
  return system(cmd) == 0 ? 0 : -1;
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_x509),
      cmocka_unit_test(test_config_errors),
      LOOP_TEST(test_handshake_getters),
      LOOP_TEST(test_rsa_and_ecdsa),
      LOOP_TEST(test_close_notify),
      LOOP_TEST(test_resumption),
      LOOP_TEST(test_alpn),
      LOOP_TEST(test_sni),
      LOOP_TEST(test_mutual_tls),
      LOOP_TEST(test_refusals),
      LOOP_TEST(test_over_pipe),
      LOOP_TEST(test_stream_pipe),
      LOOP_TEST(test_try_write),
      LOOP_TEST(test_pause_reading),
      LOOP_TEST(test_close_with_writes),
      LOOP_TEST(test_tls_over_tls),
      LOOP_TEST(test_flood_held_back),
      LOOP_TEST(test_openssl_server),
      LOOP_TEST(test_openssl_client),
      LOOP_TEST(test_garbage),
      LOOP_TEST(test_garbage_to_server),
      LOOP_TEST(test_cut_after_server_hello),
      LOOP_TEST(test_bad_record_mac),
      LOOP_TEST(test_bulk_both_ways),
  };
  int r;

  if (system("openssl version >/dev/null 2>&1") != 0) {
    printf("skipped: no openssl CLI to make the test certificates\n");
    return 77;
  }
  if (make_certs() != 0) {
    fprintf(stderr, "tests/tls/make-certs.sh failed\n");
    return 1;
  }
  signal(SIGPIPE, SIG_IGN);
  if (getenv("TLS_TEST") != NULL) /* one test, by name (a glob) */
    cmocka_set_test_filter(getenv("TLS_TEST"));
  r = cmocka_run_group_tests(tests, NULL, NULL);
  kill_children();
  test_remove_tree(certdir);
  return r;
}
