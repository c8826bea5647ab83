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
 * Results, connections per second:
 *   bench=tls_handshake_full ...     unit=conn/s
 *   bench=tls_handshake_resumed ...  unit=conn/s
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

static inline double handshake_seconds(void) {
  const char *s = getenv("TLS_HANDSHAKE_SECONDS");
  double d = s != NULL ? atof(s) : 2.0;

  return d > 0 ? d : 2.0;
}

/* Reports both modes; rates[i] are connections per second. */
static inline void handshake_report(const char *impl, const double rates[2],
                                    const uint64_t conns[2],
                                    const double cpu[2]) {
  int i;

  for (i = 0; i < 2; i++) {
    if (conns[i] == 0)
      bench_fatal("%s: no connection completed", mode_names[i]);
    fprintf(stderr, "%s (%s): %llu connections, CPU %.0f us/connection\n",
            mode_names[i], impl, (unsigned long long)conns[i],
            cpu[i] * 1e6 / (double)conns[i]);
  }
  fprintf(stderr, "tls_handshake (%s): resumed / full = %.1f\n", impl,
          rates[MODE_RESUMED] / rates[MODE_FULL]);
  for (i = 0; i < 2; i++)
    printf("bench=%s impl=%s value=%.2f unit=conn/s\n", mode_names[i], impl,
           rates[i]);
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

int main(void) {
  bench_skip("tls_handshake_full", "nd_tls_t is not in this build yet");
  bench_skip("tls_handshake_resumed", "nd_tls_t is not in this build yet");
  return 0;
}
#endif
