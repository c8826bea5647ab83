/*
 * compat-tcp.c - a libuv TCP program: an echo server and a client on one
 * loop, with the error cases a libuv user meets.  Built against libuv and
 * against libnodec's uv.h; both must print the same transcript.  Only
 * what is deterministic is printed: totals, not how reads were split.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <uv.h>

#define CHECK(expr)                                                          \
  do {                                                                       \
    int check_r_ = (expr);                                                   \
    if (check_r_ < 0) {                                                      \
      printf("%s: %s\n", #expr, uv_err_name(check_r_));                      \
      exit(1);                                                               \
    }                                                                        \
  } while (0)

#define TOTAL (3 * 300000)

static uv_loop_t *loop;
static uv_tcp_t server, client, conn;
static uv_connect_t connect_req;
static uv_write_t client_writes[3];
static uv_shutdown_t client_shutdown, conn_shutdown;
static char *payload;
static size_t server_got, client_got;
static int mismatches;

static void alloc_cb(uv_handle_t *h, size_t size, uv_buf_t *buf) {
  (void)h;
  buf->base = malloc(size);
  buf->len = size;
}

static void closed_cb(uv_handle_t *h) {
  printf("closed %s\n", h == (uv_handle_t *)&server ? "server"
                        : h == (uv_handle_t *)&client ? "client"
                                                       : "conn");
}

static void echo_written(uv_write_t *req, int status) {
  if (status != 0)
    printf("echo write: %s\n", uv_err_name(status));
  free(req->data);
  free(req);
}

static void conn_shutdown_cb(uv_shutdown_t *req, int status) {
  (void)req;
  printf("server shutdown: %d\n", status);
  uv_close((uv_handle_t *)&conn, closed_cb);
}

static void conn_read(uv_stream_t *s, ssize_t n, const uv_buf_t *buf) {
  if (n > 0) {
    uv_write_t *req = malloc(sizeof(*req));
    uv_buf_t out = uv_buf_init(buf->base, (unsigned int)n);
    req->data = buf->base;
    server_got += (size_t)n;
    CHECK(uv_write(req, s, &out, 1, echo_written));
    return;
  }
  free(buf->base);
  if (n == UV_EOF) {
    printf("server read EOF after %zu bytes, readable %d\n", server_got,
           uv_is_readable(s));
    CHECK(uv_shutdown(&conn_shutdown, s, conn_shutdown_cb));
  } else if (n < 0) {
    printf("server read: %s\n", uv_err_name((int)n));
  }
}

static void on_connection(uv_stream_t *s, int status) {
  printf("connection: %d\n", status);
  CHECK(uv_tcp_init(loop, &conn));
  CHECK(uv_accept(s, (uv_stream_t *)&conn));
  printf("second accept: %s\n", uv_err_name(uv_accept(s, (uv_stream_t *)&conn)));
  CHECK(uv_read_start((uv_stream_t *)&conn, alloc_cb, conn_read));
  uv_close((uv_handle_t *)&server, closed_cb);
}

static void free_handle(uv_handle_t *h) {
  free(h);
}

static void refused_cb(uv_connect_t *req, int status) {
  printf("connect to a closed port: %s\n", uv_err_name(status));
  uv_close((uv_handle_t *)req->handle, free_handle);
  free(req);
}

/*
 * Last, alone, so its place in the transcript does not depend on how a
 * backend orders unrelated events of one iteration.
 */
static void connect_refused(void) {
  uv_connect_t *req = malloc(sizeof(*req));
  uv_tcp_t *tcp = malloc(sizeof(*tcp));
  struct sockaddr_in addr;

  CHECK(uv_tcp_init(loop, tcp));
  CHECK(uv_ip4_addr("127.0.0.1", 1, &addr));
  CHECK(uv_tcp_connect(req, tcp, (const struct sockaddr *)&addr, refused_cb));
}

static void client_read(uv_stream_t *s, ssize_t n, const uv_buf_t *buf) {
  if (n > 0) {
    if (memcmp(buf->base, payload + client_got, (size_t)n) != 0)
      mismatches++;
    client_got += (size_t)n;
  }
  free(buf->base);
  if (n == UV_EOF) {
    int r;

    printf("client read EOF after %zu bytes, %d mismatches\n", client_got,
           mismatches);
    /* libuv's uv_err_name(0) mallocs its answer: LeakSanitizer says so. */
    r = uv_read_start(s, alloc_cb, client_read);
    printf("read_start after EOF: %s\n", r == 0 ? "0" : uv_err_name(r));
    uv_close((uv_handle_t *)s, closed_cb);
    connect_refused();
  } else if (n < 0) {
    printf("client read: %s\n", uv_err_name((int)n));
  }
}

static void client_written(uv_write_t *req, int status) {
  printf("client write %d: %d\n", (int)(req - client_writes), status);
}

static void client_shutdown_cb(uv_shutdown_t *req, int status) {
  (void)req;
  printf("client shutdown: %d, writable %d\n", status,
         uv_is_writable((uv_stream_t *)&client));
}

static void on_connect(uv_connect_t *req, int status) {
  struct sockaddr_in peer;
  int len = sizeof(peer);
  char name[64];

  printf("connect: %d\n", status);
  CHECK(uv_tcp_getpeername((uv_tcp_t *)req->handle, (struct sockaddr *)&peer,
                           &len));
  CHECK(uv_ip4_name(&peer, name, sizeof(name)));
  printf("peer %s, len %d\n", name, len);
  CHECK(uv_read_start(req->handle, alloc_cb, client_read));
  CHECK(uv_shutdown(&client_shutdown, req->handle, client_shutdown_cb));
  printf("write after shutdown: %s\n",
         uv_err_name(uv_write(&client_writes[0], req->handle,
                              &(uv_buf_t){.base = payload, .len = 1}, 1,
                              client_written)));
}


int main(void) {
  struct sockaddr_in addr;
  int len = sizeof(addr);
  uv_buf_t bufs[2];
  int i, port;

  loop = uv_default_loop();
  payload = malloc(TOTAL);
  for (i = 0; i < TOTAL; i++)
    payload[i] = (char)(i * 31 + i / 1000);

  CHECK(uv_tcp_init(loop, &server));
  CHECK(uv_ip4_addr("127.0.0.1", 0, &addr));
  CHECK(uv_tcp_bind(&server, (const struct sockaddr *)&addr, 0));
  CHECK(uv_listen((uv_stream_t *)&server, 16, on_connection));
  CHECK(uv_tcp_getsockname(&server, (struct sockaddr *)&addr, &len));
  port = ntohs(addr.sin_port);
  printf("listening, len %d, port nonzero %d\n", len, port != 0);
  printf("bad address: %s\n", uv_err_name(uv_ip4_addr("1.2.3", 1, &addr)));

  CHECK(uv_tcp_init(loop, &client));
  CHECK(uv_tcp_nodelay(&client, 1));
  CHECK(uv_ip4_addr("127.0.0.1", port, &addr));
  CHECK(uv_tcp_connect(&connect_req, &client, (const struct sockaddr *)&addr,
                       on_connect));
  /* Writes made before the connection is up wait for it, in order. */
  for (i = 0; i < 3; i++) {
    bufs[0] = uv_buf_init(payload + i * 300000, 100000);
    bufs[1] = uv_buf_init(payload + i * 300000 + 100000, 200000);
    CHECK(uv_write(&client_writes[i], (uv_stream_t *)&client, bufs, 2,
                   client_written));
  }
  printf("queued: %d\n", uv_stream_get_write_queue_size(
                             (uv_stream_t *)&client) == TOTAL);
  printf("try_write while queued: %s\n",
         uv_err_name(uv_try_write((uv_stream_t *)&client, bufs, 1)));

  CHECK(uv_run(loop, UV_RUN_DEFAULT));
  printf("server got %zu, client got %zu\n", server_got, client_got);
  printf("loop close: %d\n", uv_loop_close(loop));
  free(payload);
  return 0;
}
