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
 * same single CPU.  Results: MiB/s (tls_pump), and the CPU time of the
 * whole process (both ends) per MiB (tls_pump_cpu, lower is better), which
 * a busy machine disturbs less than the rate.
 */
#include "tls_bench.h"

#define PUMP_WRITE_SIZE 65536
#define PUMP_READ_SIZE 65536

static double pump_seconds(void) {
  const char *s = getenv("TLS_PUMP_SECONDS");
  double d = s != NULL ? atof(s) : 5.0;

  return d > 0 ? d : 5.0;
}

static void pump_report(const char *impl, uint64_t bytes, double seconds,
                        double cpu) {
  double mib = (double)bytes / (1024.0 * 1024.0);

  fprintf(stderr, "tls_pump (%s): %.0f MiB in %.2f s, CPU %.2f ms/MiB\n",
          impl, mib, seconds, cpu * 1e3 / mib);
  if (bytes == 0)
    bench_fatal("no data arrived");
  printf("bench=tls_pump impl=%s value=%.2f unit=MiB/s\n", impl, mib / seconds);
  printf("bench=tls_pump_cpu impl=%s value=%.2f unit=ms/MiB\n", impl,
         cpu * 1e3 / mib);
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

#define PUMP_WINDOW 4             /* 64 KiB writes in flight at most */

static nd_loop_t loop;
static nd_tcp_t listener, client_tcp, server_tcp;
static nd_tls_t client_tls, server_tls;
static nd_tls_config_t *client_config, *server_config;
static nd_connect_t connect_req;
static nd_shutdown_t shutdown_req;
static nd_timer_t timer;
static nd_write_t writes[PUMP_WINDOW];
static char write_buf[PUMP_WRITE_SIZE];
static char read_buf[PUMP_READ_SIZE];
static int inflight, pressure, done;
static uint64_t sent, received;
static double duration, start, end, cpu0, cpu_used;

static void check(int rc, const char *what) {
  if (rc < 0)
    bench_fatal("%s: %s (%s)", what, nd_strerror(rc), nd_err_name(rc));
}

static void on_write(nd_write_t *req, int status);

/* Keeps PUMP_WINDOW writes in flight while the stream is under its high
 * watermark; the drain callback or a write callback calls it again. */
static void fill(void) {
  nd_buf_t buf = nd_buf_init(write_buf, sizeof(write_buf));
  int r, i;

  while (!done && !pressure && inflight < PUMP_WINDOW) {
    for (i = 0; writes[i].data != NULL; i++)
      ;
    writes[i].data = &writes[i];
    inflight++;
    r = nd_write(&writes[i], (nd_stream_t *)&client_tls, &buf, 1, on_write);
    check(r, "nd_write");
    pressure = r == ND_STREAM_PRESSURE;
  }
}

static void on_write(nd_write_t *req, int status) {
  check(status, "write callback");
  req->data = NULL;
  inflight--;
  sent += PUMP_WRITE_SIZE;
  fill();
}

static void on_drain(nd_stream_t *stream) {
  (void)stream;
  pressure = 0;
  fill();
}

static void on_closed(nd_handle_t *handle) {
  (void)handle;
}

static void on_shutdown(nd_shutdown_t *req, int status) {
  (void)req;
  check(status, "nd_shutdown (close_notify)");
  nd_close((nd_handle_t *)&client_tls, on_closed);
}

/* Time is up: no more writes; what is queued goes out, then close_notify. */
static void on_timer(nd_timer_t *handle) {
  (void)handle;
  done = 1;
  check(nd_shutdown(&shutdown_req, (nd_stream_t *)&client_tls, on_shutdown),
        "nd_shutdown");
}

static void on_alloc(nd_handle_t *handle, size_t suggested, nd_buf_t *buf) {
  (void)handle;
  (void)suggested;
  *buf = nd_buf_init(read_buf, sizeof(read_buf));
}

static void on_server_read(nd_stream_t *stream, ssize_t nread,
                           const nd_buf_t *buf) {
  (void)buf;
  if (nread > 0) {
    received += (uint64_t)nread;
    return;
  }
  if (nread == 0)
    return;
  if (nread != ND_EOF)
    check((int)nread, "server read");
  end = bench_wall_seconds();
  cpu_used = bench_cpu_seconds() - cpu0;
  nd_close((nd_handle_t *)stream, on_closed);
  nd_close((nd_handle_t *)&listener, on_closed);
}

static void on_server_handshake(nd_tls_t *tls, int status) {
  (void)tls;
  check(status, "server handshake");
}

static void on_client_handshake(nd_tls_t *tls, int status) {
  check(status, "client handshake");
  if (strcmp(nd_tls_get_cipher(tls),
             "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256") != 0)
    bench_fatal("negotiated %s", nd_tls_get_cipher(tls));
  cpu0 = bench_cpu_seconds();
  start = bench_wall_seconds();
  check(nd_timer_start(&timer, on_timer, (uint64_t)(duration * 1000), 0),
        "nd_timer_start");
  fill();
}

static void on_connection(nd_stream_t *server, int status) {
  check(status, "connection callback");
  check(nd_tcp_init(&loop, &server_tcp), "nd_tcp_init");
  check(nd_accept(server, (nd_stream_t *)&server_tcp), "nd_accept");
  check(nd_tls_init(&loop, &server_tls, server_config,
                    (nd_stream_t *)&server_tcp),
        "nd_tls_init (server)");
  check(nd_tls_handshake(&server_tls, on_server_handshake),
        "nd_tls_handshake (server)");
  check(nd_read_start((nd_stream_t *)&server_tls, on_alloc, on_server_read),
        "nd_read_start");
}

static void on_connect(nd_connect_t *req, int status) {
  (void)req;
  check(status, "connect callback");
  check(nd_tls_init(&loop, &client_tls, client_config,
                    (nd_stream_t *)&client_tcp),
        "nd_tls_init (client)");
  check(nd_tls_set_server_name(&client_tls, TLS_BENCH_HOST),
        "nd_tls_set_server_name");
  check(nd_stream_on_drain((nd_stream_t *)&client_tls, on_drain),
        "nd_stream_on_drain");
  check(nd_tls_handshake(&client_tls, on_client_handshake),
        "nd_tls_handshake (client)");
}

int main(void) {
  static struct tls_bench_creds creds;
  static const char suite[] = "TLS-ECDHE-ECDSA-WITH-AES-128-GCM-SHA256";
  struct sockaddr_in addr;
  int namelen = sizeof(addr);

  duration = pump_seconds();
  tls_bench_make_creds(&creds);
  memset(write_buf, 'x', sizeof(write_buf));

  check(nd_tls_config_new(&server_config, ND_TLS_SERVER), "config_new");
  check(nd_tls_config_add_cert(server_config, creds.server_cert,
                               strlen(creds.server_cert), creds.server_key,
                               strlen(creds.server_key), NULL),
        "nd_tls_config_add_cert");
  check(nd_tls_config_set_ciphers(server_config, suite), "set_ciphers");
  check(nd_tls_config_new(&client_config, ND_TLS_CLIENT), "config_new");
  check(nd_tls_config_add_ca(client_config, creds.ca_cert,
                             strlen(creds.ca_cert)),
        "nd_tls_config_add_ca");
  check(nd_tls_config_set_ciphers(client_config, suite), "set_ciphers");

  check(nd_loop_init(&loop), "nd_loop_init");
  check(nd_timer_init(&loop, &timer), "nd_timer_init");
  check(nd_ip4_addr("127.0.0.1", 0, &addr), "nd_ip4_addr");
  check(nd_tcp_init(&loop, &listener), "nd_tcp_init");
  check(nd_tcp_bind(&listener, (const struct sockaddr *)&addr, 0),
        "nd_tcp_bind");
  check(nd_listen((nd_stream_t *)&listener, 1, on_connection), "nd_listen");
  check(nd_tcp_getsockname(&listener, (struct sockaddr *)&addr, &namelen),
        "nd_tcp_getsockname");
  check(nd_tcp_init(&loop, &client_tcp), "nd_tcp_init");
  check(nd_tcp_connect(&connect_req, &client_tcp,
                       (const struct sockaddr *)&addr, on_connect),
        "nd_tcp_connect");
  check(nd_run(&loop, ND_RUN_DEFAULT), "nd_run");
  nd_close((nd_handle_t *)&timer, NULL);
  check(nd_run(&loop, ND_RUN_DEFAULT), "nd_run");
  check(nd_loop_close(&loop), "nd_loop_close");
  nd_tls_config_unref(client_config);
  nd_tls_config_unref(server_config);

  if (received != sent)
    bench_fatal("the server read %llu bytes of the %llu written",
                (unsigned long long)received, (unsigned long long)sent);
  pump_report("libnodec", received, end - start, cpu_used);
  return 0;
}
#endif
