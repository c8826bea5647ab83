/*
 * compat-pipe.c - a libuv pipe program: a Unix socket echo server and its
 * client, names and their sizes, the error cases a libuv user meets, a
 * uv_pipe pair, and a handle passed over an IPC pipe.  Built against libuv
 * (1.44: no bind2 or connect2) and against libnodec's uv.h; both must print
 * the same transcript.  Each phase runs the loop to its end before the
 * next, and only what is deterministic is printed.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <uv.h>

#define CHECK(expr)                                                          \
  do {                                                                       \
    int check_r_ = (expr);                                                   \
    if (check_r_ < 0) {                                                      \
      printf("%s: %s\n", #expr, uv_err_name(check_r_));                      \
      exit(1);                                                               \
    }                                                                        \
  } while (0)

#define TOTAL 700000

static uv_loop_t *loop;
static char dir[64];
static char path[128];
static char *payload;

static void alloc_cb(uv_handle_t *h, size_t size, uv_buf_t *buf) {
  (void)h;
  buf->base = malloc(size);
  buf->len = size;
}

static const char *err(int r) {
  return r == 0 ? "0" : uv_err_name(r);
}

/* --- echo over a Unix socket -------------------------------------------- */

static uv_pipe_t server, client, conn;
static uv_connect_t connect_req;
static uv_write_t client_write;
static uv_shutdown_t client_shutdown, conn_shutdown;
static size_t server_got, client_got;
static int mismatches;

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
    printf("server read EOF after %zu bytes\n", server_got);
    CHECK(uv_shutdown(&conn_shutdown, s, conn_shutdown_cb));
  } else if (n < 0) {
    printf("server read: %s\n", uv_err_name((int)n));
  }
}

static void on_connection(uv_stream_t *s, int status) {
  char name[128];
  size_t len = sizeof(name);

  printf("connection: %d\n", status);
  CHECK(uv_pipe_init(loop, &conn, 0));
  CHECK(uv_accept(s, (uv_stream_t *)&conn));
  printf("second accept: %s\n", err(uv_accept(s, (uv_stream_t *)&conn)));
  CHECK(uv_pipe_getsockname(&conn, name, &len));
  printf("accepted end's name is the path: %d\n",
         len == strlen(path) && strcmp(name, path) == 0);
  CHECK(uv_read_start((uv_stream_t *)&conn, alloc_cb, conn_read));
  uv_close((uv_handle_t *)&server, closed_cb);
}

static void client_read(uv_stream_t *s, ssize_t n, const uv_buf_t *buf) {
  if (n > 0) {
    if (memcmp(buf->base, payload + client_got, (size_t)n) != 0)
      mismatches++;
    client_got += (size_t)n;
  }
  free(buf->base);
  if (n == UV_EOF) {
    printf("client read EOF after %zu bytes, %d mismatches\n", client_got,
           mismatches);
    uv_close((uv_handle_t *)s, closed_cb);
  } else if (n < 0) {
    printf("client read: %s\n", uv_err_name((int)n));
  }
}

static void client_written(uv_write_t *req, int status) {
  (void)req;
  printf("client write: %d\n", status);
}

static void client_shutdown_cb(uv_shutdown_t *req, int status) {
  (void)req;
  printf("client shutdown: %d\n", status);
}

static void on_connect(uv_connect_t *req, int status) {
  char name[128];
  size_t len = sizeof(name);

  printf("connect: %d\n", status);
  CHECK(uv_pipe_getpeername((uv_pipe_t *)req->handle, name, &len));
  printf("peer is the path: %d\n", len == strlen(path) &&
                                       strcmp(name, path) == 0);
  len = sizeof(name);
  CHECK(uv_pipe_getsockname((uv_pipe_t *)req->handle, name, &len));
  printf("own name length %zu\n", len);
  CHECK(uv_read_start(req->handle, alloc_cb, client_read));
  CHECK(uv_shutdown(&client_shutdown, req->handle, client_shutdown_cb));
}

static void echo(void) {
  char name[128];
  size_t len;
  uv_buf_t buf;
  int r;

  CHECK(uv_pipe_init(loop, &server, 0));
  CHECK(uv_pipe_bind(&server, path));
  CHECK(uv_listen((uv_stream_t *)&server, 16, on_connection));
  len = 4;
  r = uv_pipe_getsockname(&server, name, &len);
  printf("getsockname, 4 bytes: %s, size %d\n", err(r),
         len == strlen(path) + 1);
  r = uv_pipe_getsockname(&server, name, &len);
  printf("getsockname: %s, %d\n", err(r),
         len == strlen(path) && strcmp(name, path) == 0);
  len = sizeof(name);
  r = uv_pipe_getpeername(&server, name, &len);
  printf("getpeername of a listener: %s, size %zu\n", err(r), len);

  CHECK(uv_pipe_init(loop, &client, 0));
  uv_pipe_connect(&connect_req, &client, path, on_connect);
  /* A write made before the connection is up waits for it. */
  buf = uv_buf_init(payload, TOTAL);
  CHECK(uv_write(&client_write, (uv_stream_t *)&client, &buf, 1,
                 client_written));
  CHECK(uv_run(loop, UV_RUN_DEFAULT));
  printf("server got %zu, client got %zu\n", server_got, client_got);
  printf("socket file after close: %s\n",
         access(path, F_OK) == 0 ? "there" : "gone");
}

/* --- names and errors --------------------------------------------------- */

static int connects;

static void connect_cb(uv_connect_t *req, int status) {
  printf("connect to a missing path: %s\n", err(status));
  connects++;
  uv_close((uv_handle_t *)req->handle, NULL);
}

static void errors(void) {
  char name[256];
  char other[160];
  uv_pipe_t a, b, c, d, ipc;
  uv_connect_t req;
  struct stat st;
  size_t len;
  int r;

  CHECK(uv_pipe_init(loop, &a, 0));
  len = sizeof(name);
  r = uv_pipe_getsockname(&a, name, &len);
  printf("unbound getsockname: %s, size %zu\n", err(r), len);
  printf("unbound listen: %s\n", err(uv_listen((uv_stream_t *)&a, 4, NULL)));
  printf("unbound chmod: %s\n", err(uv_pipe_chmod(&a, UV_READABLE)));
  snprintf(other, sizeof(other), "%s/no/such.sock", dir);
  printf("bind in a missing directory: %s\n", err(uv_pipe_bind(&a, other)));
  CHECK(uv_pipe_bind(&a, path));
  snprintf(other, sizeof(other), "%s/other.sock", dir);
  printf("second bind: %s\n", err(uv_pipe_bind(&a, other)));
  CHECK(uv_pipe_init(loop, &b, 0));
  printf("bind to a name in use: %s\n", err(uv_pipe_bind(&b, path)));
  printf("pending on a plain pipe: %d, type %d\n", uv_pipe_pending_count(&a),
         (int)uv_pipe_pending_type(&a));
  uv_pipe_pending_instances(&a, 8);

  /* chmod adds permissions, never removes them. */
  chmod(path, 0);
  printf("chmod 0: %s\n", err(uv_pipe_chmod(&a, 0)));
  printf("chmod readable: %s\n", err(uv_pipe_chmod(&a, UV_READABLE)));
  stat(path, &st);
  printf("mode %o\n", (unsigned int)(st.st_mode & 0777));
  printf("chmod writable: %s\n", err(uv_pipe_chmod(&a, UV_WRITABLE)));
  stat(path, &st);
  printf("mode %o\n", (unsigned int)(st.st_mode & 0777));

  /* A path too long is cut to 107 bytes. */
  memset(name, 'x', sizeof(name));
  memcpy(name, dir, strlen(dir));
  name[strlen(dir)] = '/';
  name[200] = '\0';
  CHECK(uv_pipe_init(loop, &c, 0));
  CHECK(uv_pipe_bind(&c, name));
  memcpy(other, name, 107);
  len = sizeof(name);
  CHECK(uv_pipe_getsockname(&c, name, &len));
  printf("long path bound as %zu bytes, the first 107: %d\n", len,
         memcmp(name, other, 107) == 0);
  other[107] = '\0';
  uv_close((uv_handle_t *)&c, NULL);
  uv_close((uv_handle_t *)&a, NULL);
  uv_close((uv_handle_t *)&b, NULL);

  CHECK(uv_pipe_init(loop, &ipc, 1));
  snprintf(name, sizeof(name), "%s/ipc.sock", dir);
  CHECK(uv_pipe_bind(&ipc, name));
  printf("listen on an IPC pipe: %s\n",
         err(uv_listen((uv_stream_t *)&ipc, 4, NULL)));
  uv_close((uv_handle_t *)&ipc, NULL);

  CHECK(uv_pipe_init(loop, &d, 0));
  snprintf(name, sizeof(name), "%s/missing.sock", dir);
  uv_pipe_connect(&req, &d, name, connect_cb);
  printf("connect callbacks before run: %d\n", connects);
  CHECK(uv_run(loop, UV_RUN_DEFAULT));
  /* libuv 1.44 leaves the truncated path's file; libnodec removes it. */
  unlink(other);
}

/* --- a uv_pipe pair ----------------------------------------------------- */

static uv_pipe_t rd, wr;
static uv_write_t pair_write;
static size_t pair_got;
static int pair_mismatches;

static void pair_written(uv_write_t *req, int status) {
  (void)req;
  printf("pair write: %d\n", status);
  uv_close((uv_handle_t *)&wr, NULL);
}

static void pair_read(uv_stream_t *s, ssize_t n, const uv_buf_t *buf) {
  if (n > 0) {
    if (memcmp(buf->base, payload + pair_got, (size_t)n) != 0)
      pair_mismatches++;
    pair_got += (size_t)n;
  }
  free(buf->base);
  if (n == UV_EOF) {
    printf("pair EOF after %zu bytes, %d mismatches\n", pair_got,
           pair_mismatches);
    uv_close((uv_handle_t *)s, NULL);
  } else if (n < 0) {
    printf("pair read: %s\n", uv_err_name((int)n));
  }
}

static void pair(void) {
  uv_file fds[2];
  uv_buf_t buf;
  char name[32];
  size_t len = sizeof(name);
  int r;

  CHECK(uv_pipe(fds, 0, UV_NONBLOCK_PIPE));
  printf("uv_pipe: cloexec %d %d, nonblock %d %d\n",
         (fcntl(fds[0], F_GETFD) & FD_CLOEXEC) != 0,
         (fcntl(fds[1], F_GETFD) & FD_CLOEXEC) != 0,
         (fcntl(fds[0], F_GETFL) & O_NONBLOCK) != 0,
         (fcntl(fds[1], F_GETFL) & O_NONBLOCK) != 0);
  CHECK(uv_pipe_init(loop, &rd, 0));
  CHECK(uv_pipe_init(loop, &wr, 0));
  CHECK(uv_pipe_open(&rd, fds[0]));
  CHECK(uv_pipe_open(&wr, fds[1]));
  printf("read end: readable %d writable %d; write end: readable %d "
         "writable %d\n",
         uv_is_readable((uv_stream_t *)&rd), uv_is_writable((uv_stream_t *)&rd),
         uv_is_readable((uv_stream_t *)&wr), uv_is_writable((uv_stream_t *)&wr));
  buf = uv_buf_init(payload, 1);
  printf("try_write on the read end: %s\n",
         err(uv_try_write((uv_stream_t *)&rd, &buf, 1)));
  r = uv_pipe_getsockname(&rd, name, &len);
  printf("getsockname of a pipe: %s, size %zu\n", err(r), len);
  CHECK(uv_read_start((uv_stream_t *)&rd, alloc_cb, pair_read));
  buf = uv_buf_init(payload, TOTAL);
  CHECK(uv_write(&pair_write, (uv_stream_t *)&wr, &buf, 1, pair_written));
  CHECK(uv_run(loop, UV_RUN_DEFAULT));
}

/* --- a handle over an IPC pipe ------------------------------------------ */

static uv_pipe_t tx, rx, given, taken;
static uv_write_t pass_req;
static int peer_fd;

static void passed(uv_write_t *req, int status) {
  printf("pass: %d\n", status);
  uv_close((uv_handle_t *)req->data, NULL);
}

static void rx_read(uv_stream_t *s, ssize_t n, const uv_buf_t *buf) {
  char got[16];
  uv_buf_t out;

  if (n > 0) {
    printf("ipc read %c, pending %d, type %s\n", buf->base[0],
           uv_pipe_pending_count(&rx),
           uv_pipe_pending_type(&rx) == UV_NAMED_PIPE ? "pipe" : "other");
    CHECK(uv_pipe_init(loop, &taken, 0));
    CHECK(uv_accept(s, (uv_stream_t *)&taken));
    printf("pending after accept: %d\n", uv_pipe_pending_count(&rx));
    out = uv_buf_init("over it", 7);
    printf("try_write on the received handle: %d\n",
           uv_try_write((uv_stream_t *)&taken, &out, 1));
    printf("peer read %zd\n", read(peer_fd, got, sizeof(got)));
    uv_close((uv_handle_t *)&taken, NULL);
    uv_close((uv_handle_t *)&rx, NULL);
    uv_close((uv_handle_t *)&tx, NULL);
  }
  free(buf->base);
}

static void ipc(void) {
  int sv[2], pv[2];
  uv_buf_t buf = uv_buf_init("H", 1);

  CHECK(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) == 0 ? 0 : -1);
  CHECK(socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pv) == 0 ? 0 : -1);
  peer_fd = pv[0];
  CHECK(uv_pipe_init(loop, &tx, 1));
  CHECK(uv_pipe_init(loop, &rx, 1));
  CHECK(uv_pipe_open(&tx, sv[0]));
  CHECK(uv_pipe_open(&rx, sv[1]));
  CHECK(uv_pipe_init(loop, &given, 0));
  CHECK(uv_pipe_open(&given, pv[1]));
  printf("write2 on a plain pipe: %s\n",
         err(uv_write2(&pass_req, (uv_stream_t *)&given, &buf, 1,
                       (uv_stream_t *)&given, passed)));
  pass_req.data = &given;
  CHECK(uv_write2(&pass_req, (uv_stream_t *)&tx, &buf, 1,
                  (uv_stream_t *)&given, passed));
  CHECK(uv_read_start((uv_stream_t *)&rx, alloc_cb, rx_read));
  CHECK(uv_run(loop, UV_RUN_DEFAULT));
  close(peer_fd);
}

int main(void) {
  int i;

  loop = uv_default_loop();
  payload = malloc(TOTAL);
  for (i = 0; i < TOTAL; i++)
    payload[i] = (char)(i * 31 + i / 1000);
  snprintf(dir, sizeof(dir), "/tmp/compat-pipe-XXXXXX");
  if (mkdtemp(dir) == NULL)
    return 1;
  snprintf(path, sizeof(path), "%s/echo.sock", dir);

  echo();
  errors();
  pair();
  ipc();

  printf("loop close: %s\n", err(uv_loop_close(loop)));
  rmdir(dir);
  free(payload);
  return 0;
}
