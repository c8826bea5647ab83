/*
 * tls_handshake.c - new TLS connections per second over loopback,
 * ECDHE-ECDSA with P-256 (TLS 1.2, ECDHE-ECDSA-AES128-GCM-SHA256): full
 * handshakes, then handshakes that resume a session from a ticket.
 *
 * One connection at a time: the client connects, both ends complete the
 * handshake (the client verifies the server's chain to the CA and its host
 * name), the client sends close_notify and closes, and the next connection
 * starts.  First for 2 s with full handshakes (a fresh ECDHE exchange, an
 * ECDSA signature by the server and two verifications by the client), then
 * for 2 s resuming the session the first connection got: the client offers
 * its ticket, the server decrypts it and both skip the public-key work.
 * TLS_HANDSHAKE_SECONDS overrides the 2 s.  Every resumed connection is
 * checked to have really resumed.
 *
 * Results, connections per second, and the CPU time of the whole process
 * (both ends) per connection, which a busy machine disturbs less:
 *   bench=tls_handshake_full ...          unit=conn/s
 *   bench=tls_handshake_full_cpu ...      unit=us/conn
 *   bench=tls_handshake_resumed ...       unit=conn/s
 *   bench=tls_handshake_resumed_cpu ...   unit=us/conn
 * and the ratio resumed / full on stderr (issue 10: at least 5).
 *
 * Two builds (mk/bench.mk), as in tls_pump.c: impl=mbedtls, mbedTLS alone
 * on blocking sockets with the server on its own thread, and
 * impl=libnodec, nd_tls_t streams over nd_tcp_t with both ends on one loop.
 */
#include "tls_bench.h"

enum { MODE_FULL, MODE_RESUMED };

static const char *const mode_names[] = { "tls_handshake_full",
                                          "tls_handshake_resumed" };

static double handshake_seconds(void) {
  const char *s = getenv("TLS_HANDSHAKE_SECONDS");
  double d = s != NULL ? atof(s) : 2.0;

  return d > 0 ? d : 2.0;
}

/* Reports both modes; rates[i] are connections per second. */
static void handshake_report(const char *impl, const double rates[2],
                                    const uint64_t conns[2],
                                    const double cpu[2]) {
  int i;

  for (i = 0; i < 2; i++) {
    if (conns[i] == 0)
      bench_fatal("%s: no connection completed", mode_names[i]);
    fprintf(stderr, "%s (%s): %llu connections\n", mode_names[i], impl,
            (unsigned long long)conns[i]);
  }
  fprintf(stderr, "tls_handshake (%s): resumed / full = %.1f\n", impl,
          rates[MODE_RESUMED] / rates[MODE_FULL]);
  for (i = 0; i < 2; i++) {
    printf("bench=%s impl=%s value=%.2f unit=conn/s\n", mode_names[i], impl,
           rates[i]);
    printf("bench=%s_cpu impl=%s value=%.2f unit=us/conn\n", mode_names[i],
           impl, cpu[i] * 1e6 / (double)conns[i]);
  }
  fflush(stdout);
}

#ifndef NODEC_H
/* ---- impl=mbedtls: blocking sockets, the server on its own thread. ---- */

struct plain_handshake {
  const struct tls_bench_creds *creds;
  int listen_fd;
};

/* Accepts and completes handshakes until the listener is shut down. */
static void *plain_handshake_server(void *arg) {
  struct plain_handshake *h = arg;
  struct tls_bench_plain_server server;
  mbedtls_ssl_context ssl;
  mbedtls_net_context net;
  int fd;

  tls_bench_plain_server_init(&server, h->creds);
  while ((fd = accept(h->listen_fd, NULL, NULL)) >= 0) {
    mbedtls_net_init(&net);
    net.fd = fd;
    tls_bench_plain_session(&ssl, &server.conf, &net, 0);
    tls_bench_mbed_check(mbedtls_ssl_handshake(&ssl), "server handshake");
    mbedtls_ssl_close_notify(&ssl);
    mbedtls_ssl_free(&ssl);
    mbedtls_net_free(&net);
  }
  tls_bench_plain_server_free(&server);
  return NULL;
}

int main(void) {
  static struct tls_bench_creds creds;
  struct tls_bench_plain_client client;
  struct plain_handshake h;
  mbedtls_ssl_session saved;
  mbedtls_ssl_context ssl;
  mbedtls_net_context net;
  pthread_t server;
  double duration = handshake_seconds(), start, cpu0, rates[2], cpu[2];
  uint64_t conns[2];
  int port, mode, full;

  tls_bench_make_creds(&creds);
  h.creds = &creds;
  h.listen_fd = tls_bench_listen(&port);
  if (pthread_create(&server, NULL, plain_handshake_server, &h) != 0)
    bench_fatal("pthread_create failed");
  tls_bench_plain_client_init(&client, &creds);
  mbedtls_ssl_session_init(&saved);

  for (mode = MODE_FULL; mode <= MODE_RESUMED; mode++) {
    conns[mode] = 0;
    cpu0 = bench_cpu_seconds();
    start = bench_wall_seconds();
    do {
      mbedtls_net_init(&net);
      net.fd = tls_bench_connect(port);
      tls_bench_plain_session(&ssl, &client.conf, &net, 1);
      if (mode == MODE_RESUMED)
        tls_bench_mbed_check(mbedtls_ssl_set_session(&ssl, &saved),
                             "mbedtls_ssl_set_session");
      /*
       * mbedTLS 2.28 has no "was it resumed" call, so the handshake goes
       * step by step (what mbedtls_ssl_handshake does itself): a resumed
       * one goes from ServerHello straight to ChangeCipherSpec, and never
       * waits for the server's Certificate.
       */
      full = 0;
      while (ssl.state != MBEDTLS_SSL_HANDSHAKE_OVER) {
        tls_bench_mbed_check(mbedtls_ssl_handshake_step(&ssl),
                             "client handshake");
        full |= ssl.state == MBEDTLS_SSL_SERVER_CERTIFICATE;
      }
      if (mode == MODE_FULL && conns[mode] == 0)
        tls_bench_mbed_check(mbedtls_ssl_get_session(&ssl, &saved),
                             "mbedtls_ssl_get_session");
      if ((mode == MODE_RESUMED) == full)
        bench_fatal("%s: the session was%s resumed", mode_names[mode],
                    mode == MODE_RESUMED ? " not" : "");
      mbedtls_ssl_close_notify(&ssl);
      mbedtls_ssl_free(&ssl);
      mbedtls_net_free(&net);
      conns[mode]++;
    } while (bench_wall_seconds() - start < duration);
    rates[mode] = (double)conns[mode] / (bench_wall_seconds() - start);
    cpu[mode] = bench_cpu_seconds() - cpu0;
  }

  /* Wakes the server out of accept(): it sees an error and returns. */
  shutdown(h.listen_fd, SHUT_RDWR);
  if (pthread_join(server, NULL) != 0)
    bench_fatal("pthread_join failed");
  close(h.listen_fd);
  handshake_report("mbedtls", rates, conns, cpu);
  mbedtls_ssl_session_free(&saved);
  tls_bench_plain_client_free(&client);
  return 0;
}

#else
/* ---- impl=libnodec: nd_tls_t streams on one loop. ---- */

/* The server's side of one connection: it waits for close_notify. */
struct server_conn {
  nd_tcp_t tcp;
  nd_tls_t tls;
};

static nd_loop_t loop;
static nd_tcp_t listener, client_tcp;
static nd_tls_t client_tls;
static nd_connect_t connect_req;
static nd_shutdown_t shutdown_req;
static struct sockaddr_in server_addr;
static nd_tls_config_t *server_config, *client_configs[2];
static int mode, warm;
static uint64_t conns[2];
static double duration, start, cpu0, rates[2], cpu[2];

static void check(int rc, const char *what) {
  if (rc < 0)
    bench_fatal("%s: %s (%s)", what, nd_strerror(rc), nd_err_name(rc));
}

static void on_server_closed(nd_handle_t *handle) {
  free(handle->data);
}

static void on_server_handshake(nd_tls_t *tls, int status) {
  (void)tls;
  check(status, "server handshake");
}

static void on_server_alloc(nd_handle_t *handle, size_t suggested,
                            nd_buf_t *buf) {
  static char scratch[4096];

  (void)handle;
  (void)suggested;
  *buf = nd_buf_init(scratch, sizeof(scratch));
}

/* The client sends nothing but close_notify: the end, then close. */
static void on_server_read(nd_stream_t *stream, ssize_t nread,
                           const nd_buf_t *buf) {
  (void)buf;
  if (nread == 0)
    return;
  if (nread > 0)
    bench_fatal("the server read %zd unexpected bytes", nread);
  if (nread != ND_EOF)
    check((int)nread, "server read");
  nd_close((nd_handle_t *)stream, on_server_closed);
}

static void on_connection(nd_stream_t *server, int status) {
  struct server_conn *c;

  check(status, "connection callback");
  c = bench_xcalloc(1, sizeof(*c));
  check(nd_tcp_init(&loop, &c->tcp), "nd_tcp_init");
  check(nd_accept(server, (nd_stream_t *)&c->tcp), "nd_accept");
  check(nd_tls_init(&loop, &c->tls, server_config, (nd_stream_t *)&c->tcp),
        "nd_tls_init (server)");
  c->tls.data = c;
  check(nd_tls_handshake(&c->tls, on_server_handshake),
        "nd_tls_handshake (server)");
  check(nd_read_start((nd_stream_t *)&c->tls, on_server_alloc,
                      on_server_read),
        "nd_read_start (server)");
}

static void on_connect(nd_connect_t *req, int status);

static void connect_next(void) {
  check(nd_tcp_init(&loop, &client_tcp), "nd_tcp_init");
  check(nd_tcp_connect(&connect_req, &client_tcp,
                       (const struct sockaddr *)&server_addr, on_connect),
        "nd_tcp_connect");
}

/* One connection is over: the next one, the next mode, or the end. */
static void on_client_closed(nd_handle_t *handle) {
  double now = bench_wall_seconds();

  (void)handle;
  if (warm) {
    warm = 0; /* the resumed mode's first connection filled the cache */
    cpu0 = bench_cpu_seconds();
    start = bench_wall_seconds();
    connect_next();
    return;
  }
  conns[mode]++;
  if (now - start < duration) {
    connect_next();
    return;
  }
  rates[mode] = (double)conns[mode] / (now - start);
  cpu[mode] = bench_cpu_seconds() - cpu0;
  if (mode == MODE_FULL) {
    mode = MODE_RESUMED;
    warm = 1;
    connect_next();
    return;
  }
  nd_close((nd_handle_t *)&listener, NULL);
}

static void on_client_shutdown(nd_shutdown_t *req, int status) {
  (void)req;
  check(status, "nd_shutdown (close_notify)");
  nd_close((nd_handle_t *)&client_tls, on_client_closed);
}

static void on_client_handshake(nd_tls_t *tls, int status) {
  check(status, "client handshake");
  /* The warm-up connection of the resumed mode is a full one. */
  if (nd_tls_is_resumed(tls) != (mode == MODE_RESUMED && !warm))
    bench_fatal("%s: the session was%s resumed", mode_names[mode],
                nd_tls_is_resumed(tls) ? "" : " not");
  check(nd_shutdown(&shutdown_req, (nd_stream_t *)tls, on_client_shutdown),
        "nd_shutdown");
}

static void on_connect(nd_connect_t *req, int status) {
  (void)req;
  check(status, "connect callback");
  check(nd_tls_init(&loop, &client_tls, client_configs[mode],
                    (nd_stream_t *)&client_tcp),
        "nd_tls_init (client)");
  check(nd_tls_set_server_name(&client_tls, TLS_BENCH_HOST),
        "nd_tls_set_server_name");
  check(nd_tls_handshake(&client_tls, on_client_handshake),
        "nd_tls_handshake (client)");
}

int main(void) {
  static struct tls_bench_creds creds;
  static const char suite[] = "TLS-ECDHE-ECDSA-WITH-AES-128-GCM-SHA256";
  int namelen = sizeof(server_addr), m;

  duration = handshake_seconds();
  tls_bench_make_creds(&creds);
  check(nd_tls_config_new(&server_config, ND_TLS_SERVER), "config_new");
  check(nd_tls_config_add_cert(server_config, creds.server_cert,
                               strlen(creds.server_cert), creds.server_key,
                               strlen(creds.server_key), NULL),
        "nd_tls_config_add_cert");
  check(nd_tls_config_set_ciphers(server_config, suite), "set_ciphers");
  /*
   * Two clients: the full one keeps no sessions, the resumed one keeps the
   * last session per server name (the default cache) and offers it.
   */
  for (m = MODE_FULL; m <= MODE_RESUMED; m++) {
    check(nd_tls_config_new(&client_configs[m], ND_TLS_CLIENT), "config_new");
    check(nd_tls_config_add_ca(client_configs[m], creds.ca_cert,
                               strlen(creds.ca_cert)),
          "nd_tls_config_add_ca");
    check(nd_tls_config_set_ciphers(client_configs[m], suite), "set_ciphers");
  }
  check(nd_tls_config_set_session_cache(client_configs[MODE_FULL], 0, 0),
        "nd_tls_config_set_session_cache");

  check(nd_loop_init(&loop), "nd_loop_init");
  check(nd_ip4_addr("127.0.0.1", 0, &server_addr), "nd_ip4_addr");
  check(nd_tcp_init(&loop, &listener), "nd_tcp_init");
  check(nd_tcp_bind(&listener, (const struct sockaddr *)&server_addr, 0),
        "nd_tcp_bind");
  check(nd_listen((nd_stream_t *)&listener, 511, on_connection), "nd_listen");
  check(nd_tcp_getsockname(&listener, (struct sockaddr *)&server_addr,
                           &namelen),
        "nd_tcp_getsockname");
  mode = MODE_FULL;
  cpu0 = bench_cpu_seconds();
  start = bench_wall_seconds();
  connect_next();
  check(nd_run(&loop, ND_RUN_DEFAULT), "nd_run");
  check(nd_loop_close(&loop), "nd_loop_close");
  for (m = MODE_FULL; m <= MODE_RESUMED; m++)
    nd_tls_config_unref(client_configs[m]);
  nd_tls_config_unref(server_config);
  handshake_report("libnodec", rates, conns, cpu);
  return 0;
}
#endif
