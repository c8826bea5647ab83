/*
 * compat-fs.c - a libuv program using the file system API, written against
 * libuv only; built against Debian's libuv and against libnodec, it must
 * print the same transcript (tests/compat/compare.sh).
 */
#include <uv.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int step;
static char dir[64];
static char path[128];
static char path2[128];
static uv_loop_t loop;
static uv_fs_t req;
static char rbuf[64];

#define SAY(...)                                                             \
  do {                                                                       \
    printf("%02d ", ++step);                                                 \
    printf(__VA_ARGS__);                                                     \
    putchar('\n');                                                           \
  } while (0)

static const char *res(ssize_t r) {
  static char buf[32];
  if (r < 0)
    return uv_err_name((int)r);
  snprintf(buf, sizeof(buf), "%zd", r);
  return buf;
}

static void on_unlink(uv_fs_t *r) {
  SAY("async unlink -> %s", res(r->result));
  uv_fs_req_cleanup(r);
}

static void on_rename(uv_fs_t *r) {
  SAY("async rename -> %s", res(r->result));
  uv_fs_req_cleanup(r);
  uv_fs_unlink(&loop, &req, path2, on_unlink);
}

static void on_stat(uv_fs_t *r) {
  SAY("async stat -> %s size=%llu regular=%d", res(r->result),
      (unsigned long long)r->statbuf.st_size, S_ISREG(r->statbuf.st_mode));
  uv_fs_req_cleanup(r);
  uv_fs_rename(&loop, &req, path, path2, on_rename);
}

static void on_read(uv_fs_t *r) {
  SAY("async read -> %s \"%.*s\"", res(r->result),
      r->result > 0 ? (int)r->result : 0, rbuf);
  uv_fs_req_cleanup(r);
  uv_fs_stat(&loop, &req, path, on_stat);
}

static void on_open(uv_fs_t *r) {
  static uv_buf_t buf;
  int fd = (int)r->result;
  SAY("async open -> %s", r->result >= 0 ? "fd" : res(r->result));
  uv_fs_req_cleanup(r);
  buf = uv_buf_init(rbuf, sizeof(rbuf));
  uv_fs_read(&loop, &req, fd, &buf, 1, 6, on_read);
}

int main(void) {
  uv_fs_t s;
  uv_buf_t wbuf;
  uv_dirent_t ent;
  int fd;
  int r;

  if (uv_loop_init(&loop) != 0)
    return 1;
  snprintf(dir, sizeof(dir), "/tmp/compat-fs-%d", (int)getpid());
  snprintf(path, sizeof(path), "%s/a.txt", dir);
  snprintf(path2, sizeof(path2), "%s/b.txt", dir);

  SAY("mkdir -> %s", res(uv_fs_mkdir(NULL, &s, dir, 0755, NULL)));
  uv_fs_req_cleanup(&s);
  SAY("mkdir again -> %s", res(uv_fs_mkdir(NULL, &s, dir, 0755, NULL)));
  uv_fs_req_cleanup(&s);
  fd = uv_fs_open(NULL, &s, path, UV_FS_O_CREAT | UV_FS_O_WRONLY, 0644, NULL);
  SAY("open for writing -> %s", fd >= 0 ? "fd" : res(fd));
  uv_fs_req_cleanup(&s);
  wbuf = uv_buf_init("hello libuv world", 17);
  SAY("write -> %s", res(uv_fs_write(NULL, &s, fd, &wbuf, 1, -1, NULL)));
  uv_fs_req_cleanup(&s);
  SAY("close -> %s", res(uv_fs_close(NULL, &s, fd, NULL)));
  uv_fs_req_cleanup(&s);
  SAY("stat missing -> %s", res(uv_fs_stat(NULL, &s, "/nonexistent/x", NULL)));
  uv_fs_req_cleanup(&s);
  r = uv_fs_scandir(NULL, &s, dir, 0, NULL);
  SAY("scandir -> %s", res(r));
  while (uv_fs_scandir_next(&s, &ent) != UV_EOF)
    SAY("  entry %s file=%d", ent.name, ent.type == UV_DIRENT_FILE);
  uv_fs_req_cleanup(&s);

  uv_fs_open(&loop, &req, path, UV_FS_O_RDONLY, 0, on_open);
  r = uv_run(&loop, UV_RUN_DEFAULT);
  SAY("run -> %d", r);
  SAY("rmdir -> %s", res(uv_fs_rmdir(NULL, &s, dir, NULL)));
  uv_fs_req_cleanup(&s);
  SAY("loop close -> %d", uv_loop_close(&loop));
  return 0;
}
