/*
 * tls_pump.c - TLS throughput over one loopback connection: 64 KiB writes,
 * TLS 1.2 with ECDHE-ECDSA-AES128-GCM-SHA256, for 5 s.
 *
 * The client sends 64 KiB application writes as fast as it can; the server
 * reads and throws the bytes away.  The time runs from the end of the
 * handshake, when the client starts writing, to the server's end of the
 * stream (close_notify) after the client stopped at 5 s; the result is the
 * bytes the server read over that time.  TLS_PUMP_SECONDS overrides the 5 s.
 *
 * Two builds (mk/bench.mk):
 *
 *   - impl=mbedtls (the "libuv" build: libuv has no TLS) is the yardstick,
 *     mbedTLS's own loop as its ssl_client2/ssl_server2 programs run it:
 *     blocking sockets, a thread per end, mbedtls_ssl_write of 64 KiB
 *     (which mbedTLS cuts into 16 KiB records) and mbedtls_ssl_read into a
 *     64 KiB buffer;
 *   - impl=libnodec does the same with two nd_tls_t streams over nd_tcp_t,
 *     both ends on one loop: the client keeps a window of nd_write requests
 *     of 64 KiB going and refills it from the write callbacks while the
 *     stream stays under its high watermark; the server reads with
 *     nd_read_start.  Issue 10's target: at least 0.9 times the yardstick.
 *
 * run.sh pins each run to one CPU, so both builds do all their work on the
 * same single CPU; the CPU time per MiB goes to stderr.
 */
#include "tls_bench.h"

#define PUMP_WRITE_SIZE 65536
#define PUMP_READ_SIZE 65536

static inline double pump_seconds(void) {
  const char *s = getenv("TLS_PUMP_SECONDS");
  double d = s != NULL ? atof(s) : 5.0;

  return d > 0 ? d : 5.0;
}

static inline void pump_report(const char *impl, uint64_t bytes, double seconds,
                        double cpu) {
  double mib = (double)bytes / (1024.0 * 1024.0);

  fprintf(stderr, "tls_pump (%s): %.0f MiB in %.2f s, CPU %.2f ms/MiB\n",
          impl, mib, seconds, cpu * 1e3 / mib);
  if (bytes == 0)
    bench_fatal("no data arrived");
  printf("bench=tls_pump impl=%s value=%.2f unit=MiB/s\n", impl, mib / seconds);
  fflush(stdout);
}

#ifndef NODEC_H
/* ---- impl=mbedtls: the plain loop, blocking, a thread per end. ---- */

struct plain_pump {
  const struct tls_bench_creds *creds;
  int listen_fd;
  uint64_t received;
  double end;                     /* when the server saw the end */
};

static void *plain_pump_server(void *arg) {
  struct plain_pump *p = arg;
  struct tls_bench_plain_server server;
  mbedtls_ssl_context ssl;
  mbedtls_net_context net;
  static unsigned char buf[PUMP_READ_SIZE];
  int r;

  tls_bench_plain_server_init(&server, p->creds);
  mbedtls_net_init(&net);
  net.fd = accept(p->listen_fd, NULL, NULL);
  if (net.fd < 0)
    bench_fatal("accept: %s", strerror(errno));
  tls_bench_plain_session(&ssl, &server.conf, &net, 0);
  tls_bench_mbed_check(mbedtls_ssl_handshake(&ssl), "server handshake");
  for (;;) {
    r = mbedtls_ssl_read(&ssl, buf, sizeof(buf));
    if (r > 0) {
      p->received += (uint64_t)r;
      continue;
    }
    if (r == 0 || r == MBEDTLS_ERR_SSL_PEER_CLOSE_NOTIFY)
      break;
    tls_bench_mbed_check(r, "mbedtls_ssl_read");
  }
  p->end = bench_wall_seconds();
  mbedtls_ssl_free(&ssl);
  mbedtls_net_free(&net);
  tls_bench_plain_server_free(&server);
  return NULL;
}

int main(void) {
  static struct tls_bench_creds creds;
  static unsigned char buf[PUMP_WRITE_SIZE];
  struct tls_bench_plain_client client;
  struct plain_pump p;
  mbedtls_ssl_context ssl;
  mbedtls_net_context net;
  pthread_t server;
  double duration = pump_seconds(), start, cpu0;
  size_t off;
  int port, r;

  tls_bench_make_creds(&creds);
  memset(buf, 'x', sizeof(buf));
  memset(&p, 0, sizeof(p));
  p.creds = &creds;
  p.listen_fd = tls_bench_listen(&port);
  if (pthread_create(&server, NULL, plain_pump_server, &p) != 0)
    bench_fatal("pthread_create failed");

  tls_bench_plain_client_init(&client, &creds);
  mbedtls_net_init(&net);
  net.fd = tls_bench_connect(port);
  tls_bench_plain_session(&ssl, &client.conf, &net, 1);
  tls_bench_mbed_check(mbedtls_ssl_handshake(&ssl), "client handshake");
  if (strcmp(mbedtls_ssl_get_ciphersuite(&ssl),
             "TLS-ECDHE-ECDSA-WITH-AES-128-GCM-SHA256") != 0)
    bench_fatal("negotiated %s", mbedtls_ssl_get_ciphersuite(&ssl));

  cpu0 = bench_cpu_seconds();
  start = bench_wall_seconds();
  while (bench_wall_seconds() - start < duration) {
    /* mbedtls_ssl_write takes at most one record's worth per call. */
    for (off = 0; off < sizeof(buf); off += (size_t)r) {
      r = mbedtls_ssl_write(&ssl, buf + off, sizeof(buf) - off);
      tls_bench_mbed_check(r, "mbedtls_ssl_write");
    }
  }
  tls_bench_mbed_check(mbedtls_ssl_close_notify(&ssl), "close_notify");
  shutdown(net.fd, SHUT_WR);
  if (pthread_join(server, NULL) != 0)
    bench_fatal("pthread_join failed");
  pump_report("mbedtls", p.received, p.end - start, bench_cpu_seconds() - cpu0);

  mbedtls_ssl_free(&ssl);
  mbedtls_net_free(&net);
  tls_bench_plain_client_free(&client);
  close(p.listen_fd);
  return 0;
}

#else
/* ---- impl=libnodec: nd_tls_t streams on one loop. ---- */

int main(void) {
  bench_skip("tls_pump", "nd_tls_t is not in this build yet");
  return 0;
}
#endif
