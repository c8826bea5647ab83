/*
 * fs_read.c - the cost of a file read request, from the page cache.
 *
 * A 1 GiB file is read three times in 64 KiB chunks with uv_fs_read, one
 * request in flight at a time: each read's callback starts the next one at
 * the following offset.  The file was read once before, with plain
 * read(2), so every pass comes from the page cache and what is measured is
 * the request path (a worker round trip for libuv, a ring operation for
 * libnodec on io_uring), not the disk.  Every chunk's first 8 bytes are
 * checked against that first read.  The results are the throughput over
 * the three passes and the CPU time of the whole process (every thread)
 * per chunk.
 *
 * The file is /tmp/nodec-bench-1g (BENCH_FS_FILE overrides it).  The first
 * run makes it, with pseudo-random contents, and later runs reuse it, so
 * it is left in place: delete it to get the space back.
 *
 * Run: make bench BENCH=fs_read
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <uv.h>

#include "bench.h"

#define FILE_SIZE (INT64_C(1) << 30)
#define CHUNK (64 * 1024)
#define PASSES 3
#define DEFAULT_PATH "/tmp/nodec-bench-1g"

static uv_fs_t req;
static uv_buf_t buf;
static uv_file fd;
static int64_t offset;
static uint64_t chunks;
static uint64_t check;    /* xor of the first 8 bytes of every chunk */

static uint64_t first_word(const char *p) {
  uint64_t w;

  memcpy(&w, p, sizeof(w));
  return w;
}

/* Make the file, if it is not there at its full size, under a temporary
 * name renamed at the end, so an interrupted run leaves no short file. */
static void make_file(const char *path) {
  struct stat st;
  char tmp[4096];
  uint64_t x = UINT64_C(0x9e3779b97f4a7c15);
  uint64_t *block;
  size_t i;
  int64_t done;
  int out;

  if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == FILE_SIZE)
    return;
  fprintf(stderr, "fs_read: writing %s (1 GiB, kept for later runs)\n",
          path);
  snprintf(tmp, sizeof(tmp), "%s.%d.tmp", path, (int)getpid());
  out = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (out < 0)
    bench_fatal("open %s: %s", tmp, strerror(errno));
  block = bench_xcalloc(1 << 20, 1);
  for (done = 0; done < FILE_SIZE; done += 1 << 20) {
    for (i = 0; i < (1 << 20) / sizeof(*block); i++) {
      x ^= x << 13;
      x ^= x >> 7;
      x ^= x << 17;
      block[i] = x;
    }
    if (write(out, block, 1 << 20) != 1 << 20)
      bench_fatal("write %s: %s", tmp, strerror(errno));
  }
  free(block);
  if (close(out) != 0 || rename(tmp, path) != 0)
    bench_fatal("finishing %s: %s", path, strerror(errno));
}

/* Read it all with read(2): the page cache is warm, and `check` known. */
static uint64_t warm_up(const char *path) {
  char *chunk = bench_xcalloc(CHUNK, 1);
  uint64_t sum = 0;
  int64_t total = 0;
  ssize_t n;
  int in = open(path, O_RDONLY | O_CLOEXEC);

  if (in < 0)
    bench_fatal("open %s: %s", path, strerror(errno));
  while ((n = read(in, chunk, CHUNK)) > 0) {
    if (n != CHUNK)
      bench_fatal("short read of %s", path);
    sum ^= first_word(chunk);
    total += n;
  }
  if (n < 0 || total != FILE_SIZE)
    bench_fatal("reading %s: %s", path, n < 0 ? strerror(errno) : "size");
  close(in);
  free(chunk);
  return sum;
}

static void on_read(uv_fs_t *r) {
  ssize_t n = r->result;

  uv_fs_req_cleanup(r);
  if (n < 0)
    bench_fatal("uv_fs_read at %lld: %s", (long long)offset,
                uv_strerror((int)n));
  if (n == 0)
    return; /* end of file: the pass is over */
  if (n != CHUNK)
    bench_fatal("uv_fs_read at %lld: %zd bytes", (long long)offset, n);
  check ^= first_word(buf.base);
  offset += n;
  chunks++;
  bench_check(uv_fs_read(r->loop, r, fd, &buf, 1, offset, on_read),
              "uv_fs_read");
}

int main(void) {
  const char *path = getenv("BENCH_FS_FILE");
  uv_loop_t loop;
  uint64_t expected;
  double cpu;
  double start;
  double seconds;
  int pass;

  if (path == NULL || *path == '\0')
    path = DEFAULT_PATH;
  make_file(path);
  expected = warm_up(path);

  bench_check(uv_loop_init(&loop), "uv_loop_init");
  fd = uv_fs_open(NULL, &req, path, O_RDONLY, 0, NULL);
  bench_check(fd, "uv_fs_open");
  uv_fs_req_cleanup(&req);
  buf = uv_buf_init(aligned_alloc(4096, CHUNK), CHUNK);
  if (buf.base == NULL)
    bench_fatal("out of memory");

  cpu = bench_cpu_seconds();
  start = bench_wall_seconds();
  for (pass = 0; pass < PASSES; pass++) {
    offset = 0;
    check = 0;
    bench_check(uv_fs_read(&loop, &req, fd, &buf, 1, 0, on_read),
                "uv_fs_read");
    bench_check(uv_run(&loop, UV_RUN_DEFAULT), "uv_run");
    if (offset != FILE_SIZE)
      bench_fatal("pass %d ended at %lld bytes", pass, (long long)offset);
    if (check != expected)
      bench_fatal("pass %d read other bytes than the file holds", pass);
  }
  seconds = bench_wall_seconds() - start;
  cpu = bench_cpu_seconds() - cpu;

  bench_check(uv_fs_close(NULL, &req, fd, NULL), "uv_fs_close");
  uv_fs_req_cleanup(&req);
  free(buf.base);
  bench_check(uv_loop_close(&loop), "uv_loop_close");

  bench_report("fs_read",
               (double)PASSES * (double)FILE_SIZE / (1024.0 * 1024.0) /
                   seconds,
               "MiB/s");
  bench_report("fs_read_cpu", cpu * 1e6 / (double)chunks, "us/chunk");
  return 0;
}
