/*
 * test-fs-meta.c - metadata and names: stat, lstat, fstat, statfs, access,
 * chmod, chown, utime, unlink, rename, link, symlink, readlink, realpath.
 *
 * Every operation runs twice: without a callback (on this thread) and with
 * one (on the ring when the loop runs on io_uring and the kernel has the
 * operation, else on the pool).  `make check` runs the binary once per
 * backend, so both asynchronous paths are covered.  The results are checked
 * against what the system calls themselves report.  Everything happens in a
 * fresh directory under /tmp, removed at the end of the run.
 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/types.h>
#include <dirent.h>
#include <unistd.h>

#include "test-util.h"

/* --- the run's directory -------------------------------------------------- */

static char run_dir[64]; /* /tmp/nd-test-fs-meta.XXXXXX */
static char test_dir[128]; /* run_dir/<test>, made by each test */
static int fds_at_start;



static int group_setup(void **state) {
  (void)state;
  fds_at_start = test_count_fds();
  strcpy(run_dir, "/tmp/nd-test-fs-meta.XXXXXX");
  if (mkdtemp(run_dir) == NULL) {
    perror("mkdtemp");
    return -1;
  }
  return 0;
}

static int group_teardown(void **state) {
  (void)state;
  if (test_remove_tree(run_dir) != 0) {
    perror(run_dir);
    return -1;
  }
  return 0;
}

/* Each test works in a directory of its own, named after it. */
static void enter_test_dir(const char *name) {
  snprintf(test_dir, sizeof(test_dir), "%s/%s", run_dir, name);
  assert_int_equal(mkdir(test_dir, 0755), 0);
}

/*
 * test_dir/name, in one of a few rotating buffers: for arguments.  A path
 * a test keeps goes into its own buffer with path_in.
 */
static const char *tpath(const char *name) {
  static char bufs[8][PATH_MAX + 512];
  static unsigned int next;
  char *buf = bufs[next++ % 8];

  snprintf(buf, sizeof(bufs[0]), "%s/%s", test_dir, name);
  return buf;
}

#define PATH_BUF 256

static void path_in(char buf[PATH_BUF], const char *name) {
  assert_true(snprintf(buf, PATH_BUF, "%s/%s", test_dir, name) < PATH_BUF);
}

static void make_file(const char *path, size_t size, mode_t mode) {
  char block[512];
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  size_t done = 0;

  assert_true(fd >= 0);
  memset(block, 'x', sizeof(block));
  while (done < size) {
    size_t n = size - done < sizeof(block) ? size - done : sizeof(block);
    assert_int_equal(write(fd, block, n), (ssize_t)n);
    done += n;
  }
  assert_int_equal(fchmod(fd, mode), 0);
  assert_int_equal(close(fd), 0);
}

static int is_io_uring(nd_loop_t *loop) {
  return strcmp(nd_backend_name(loop), "io_uring") == 0;
}

/* --- running one request, with or without a callback ---------------------- */

static pthread_t loop_thread;
static int cb_calls;
static nd_fs_t *cb_req;

static void fs_cb(nd_fs_t *req) {
  assert_true(pthread_equal(pthread_self(), loop_thread));
  cb_calls++;
  cb_req = req;
}

/*
 * The callback to pass: none for a synchronous request.  START(async, call)
 * resets the callback log before the call, and finish() ends the request.
 */
#define CB(async) ((async) ? fs_cb : NULL)
#define START(async, call) finish(loop, req, (async), (cb_calls = 0, (call)))

/*
 * A synchronous request returned its result; an asynchronous one returned
 * 0, and its callback runs once, from the loop, never inside the call.
 */
static ssize_t finish(nd_loop_t *loop, nd_fs_t *req, int async, int r) {
  if (!async) {
    assert_int_equal(cb_calls, 0);
    assert_int_equal(r, req->result);
    return r;
  }
  if (r != 0)
    fail_msg("starting an asynchronous request: %s", nd_err_name(r));
  assert_int_equal(cb_calls, 0);
  assert_true(nd_loop_alive(loop));
  loop_thread = pthread_self();
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  assert_int_equal(cb_calls, 1);
  assert_ptr_equal(cb_req, req);
  return req->result;
}

/* Assert a result, naming both errors when it is wrong. */
#define assert_result(expr, want)                                            \
  do {                                                                       \
    ssize_t got_ = (expr);                                                   \
    ssize_t want_ = (want);                                                  \
    if (got_ != want_)                                                       \
      fail_msg("%s: got %zd (%s), want %zd (%s)", #expr, got_,               \
               got_ < 0 ? nd_err_name((int)got_) : "ok", want_,              \
               want_ < 0 ? nd_err_name((int)want_) : "ok");                  \
  } while (0)

/* --- stat, lstat, fstat --------------------------------------------------- */

static void assert_same_time(const nd_timespec_t *got,
                             const struct timespec *want, const char *what) {
  if (got->tv_sec != want->tv_sec || got->tv_nsec != want->tv_nsec)
    fail_msg("%s: got %lld.%09lld, want %lld.%09lld", what,
             (long long)got->tv_sec, (long long)got->tv_nsec,
             (long long)want->tv_sec, (long long)want->tv_nsec);
}

/* Every field of an nd_stat_t against stat(2) and statx(2) of the path. */
static void assert_stat_matches(const nd_stat_t *s, const char *path,
                                int follow) {
  struct stat st;
  struct statx sx;
  struct timespec birth;

  assert_int_equal(follow ? stat(path, &st) : lstat(path, &st), 0);
  assert_int_equal(statx(AT_FDCWD, path, follow ? 0 : AT_SYMLINK_NOFOLLOW,
                         STATX_BASIC_STATS | STATX_BTIME, &sx), 0);
  assert_int_equal(s->st_dev, st.st_dev);
  assert_int_equal(s->st_ino, st.st_ino);
  assert_int_equal(s->st_mode, st.st_mode);
  assert_int_equal(s->st_nlink, st.st_nlink);
  assert_int_equal(s->st_uid, st.st_uid);
  assert_int_equal(s->st_gid, st.st_gid);
  assert_int_equal(s->st_rdev, st.st_rdev);
  assert_int_equal(s->st_size, st.st_size);
  assert_int_equal(s->st_blksize, st.st_blksize);
  assert_int_equal(s->st_blocks, st.st_blocks);
  assert_int_equal(s->st_flags, 0);
  assert_int_equal(s->st_gen, 0);
  assert_same_time(&s->st_atim, &st.st_atim, "atime");
  assert_same_time(&s->st_mtim, &st.st_mtim, "mtime");
  assert_same_time(&s->st_ctim, &st.st_ctim, "ctime");
  if (sx.stx_mask & STATX_BTIME) {
    birth.tv_sec = sx.stx_btime.tv_sec;
    birth.tv_nsec = sx.stx_btime.tv_nsec;
  } else {
    birth = st.st_ctim;
  }
  assert_same_time(&s->st_birthtim, &birth, "birth time");
}

static void test_stat_values(void **state) {
  nd_loop_t *loop = *state;
  nd_fs_t r;
  nd_fs_t *req = &r;
  char file[PATH_BUF];
  char cwd[PATH_MAX];
  int async;
  int fd;

  enter_test_dir("stat_values");
  path_in(file, "file");
  make_file(file, 12345, 0640);
  fd = open(file, O_RDONLY);
  assert_true(fd >= 0);
  for (async = 0; async < 2; async++) {
    assert_result(START(async, nd_fs_stat(loop, req, file, CB(async))), 0);
    assert_ptr_equal(req->ptr, &req->statbuf);
    assert_ptr_equal(nd_fs_get_statbuf(req), &req->statbuf);
    assert_int_equal(nd_fs_get_type(req), ND_FS_STAT);
    assert_string_equal(nd_fs_get_path(req), file);
    assert_true(S_ISREG(req->statbuf.st_mode));
    assert_int_equal(req->statbuf.st_mode & 07777, 0640);
    assert_int_equal(req->statbuf.st_size, 12345);
    assert_int_equal(req->statbuf.st_nlink, 1);
    assert_int_equal(req->statbuf.st_uid, geteuid());
    assert_stat_matches(&req->statbuf, file, 1);
    nd_fs_req_cleanup(req);

    assert_result(START(async, nd_fs_lstat(loop, req, file, CB(async))), 0);
    assert_int_equal(nd_fs_get_type(req), ND_FS_LSTAT);
    assert_ptr_equal(req->ptr, &req->statbuf);
    assert_stat_matches(&req->statbuf, file, 0);
    nd_fs_req_cleanup(req);

    assert_result(START(async, nd_fs_fstat(loop, req, fd, CB(async))), 0);
    assert_int_equal(nd_fs_get_type(req), ND_FS_FSTAT);
    assert_ptr_equal(req->ptr, &req->statbuf);
    assert_stat_matches(&req->statbuf, file, 1);
    nd_fs_req_cleanup(req);

    /* A directory. */
    assert_result(START(async, nd_fs_stat(loop, req, test_dir, CB(async))), 0);
    assert_true(S_ISDIR(req->statbuf.st_mode));
    assert_stat_matches(&req->statbuf, test_dir, 1);
    nd_fs_req_cleanup(req);

    /* A relative path is taken from the process's working directory. */
    assert_non_null(getcwd(cwd, sizeof(cwd)));
    assert_int_equal(chdir(test_dir), 0);
    assert_result(START(async, nd_fs_stat(loop, req, "file", CB(async))), 0);
    assert_int_equal(chdir(cwd), 0);
    assert_stat_matches(&req->statbuf, file, 1);
    nd_fs_req_cleanup(req);
  }
  assert_int_equal(close(fd), 0);
}

static void test_lstat_vs_stat_on_a_symlink(void **state) {
  nd_loop_t *loop = *state;
  nd_fs_t r;
  nd_fs_t *req = &r;
  struct stat target;
  char file[PATH_BUF];
  char link_path[PATH_BUF];
  int async;

  enter_test_dir("lstat_symlink");
  path_in(file, "target");
  path_in(link_path, "link");
  make_file(file, 100, 0600);
  assert_int_equal(symlink("target", link_path), 0);
  assert_int_equal(stat(file, &target), 0);
  for (async = 0; async < 2; async++) {
    assert_result(START(async, nd_fs_stat(loop, req, link_path, CB(async))),
                  0);
    assert_true(S_ISREG(req->statbuf.st_mode));
    assert_int_equal(req->statbuf.st_ino, target.st_ino);
    assert_int_equal(req->statbuf.st_size, 100);
    nd_fs_req_cleanup(req);

    assert_result(START(async, nd_fs_lstat(loop, req, link_path, CB(async))),
                  0);
    assert_true(S_ISLNK(req->statbuf.st_mode));
    assert_int_not_equal(req->statbuf.st_ino, target.st_ino);
    assert_int_equal(req->statbuf.st_size, strlen("target"));
    assert_stat_matches(&req->statbuf, link_path, 0);
    nd_fs_req_cleanup(req);
  }
}

static void test_stat_errors(void **state) {
  nd_loop_t *loop = *state;
  nd_fs_t r;
  nd_fs_t *req = &r;
  char long_name[300];
  int async;

  enter_test_dir("stat_errors");
  make_file(tpath("file"), 0, 0600);
  assert_int_equal(symlink("loop_b", tpath("loop_a")), 0);
  assert_int_equal(symlink("loop_a", tpath("loop_b")), 0);
  memset(long_name, 'n', 256); /* NAME_MAX is 255 */
  long_name[256] = '\0';
  for (async = 0; async < 2; async++) {
    assert_result(START(async, nd_fs_stat(loop, req, tpath("missing"),
                                          CB(async))), ND_ENOENT);
    assert_null(req->ptr);
    nd_fs_req_cleanup(req);
    assert_result(START(async, nd_fs_lstat(loop, req, tpath("missing"),
                                           CB(async))), ND_ENOENT);
    nd_fs_req_cleanup(req);
    assert_result(START(async, nd_fs_stat(loop, req, tpath("file/x"),
                                          CB(async))), ND_ENOTDIR);
    nd_fs_req_cleanup(req);
    assert_result(START(async, nd_fs_stat(loop, req, tpath("loop_a"),
                                          CB(async))), ND_ELOOP);
    nd_fs_req_cleanup(req);
    /* lstat does not follow the loop: the link itself is there. */
    assert_result(START(async, nd_fs_lstat(loop, req, tpath("loop_a"),
                                           CB(async))), 0);
    assert_true(S_ISLNK(req->statbuf.st_mode));
    nd_fs_req_cleanup(req);
    assert_result(START(async, nd_fs_stat(loop, req, tpath(long_name),
                                          CB(async))), ND_ENAMETOOLONG);
    nd_fs_req_cleanup(req);
    assert_result(START(async, nd_fs_fstat(loop, req, 100000, CB(async))),
                  ND_EBADF);
    nd_fs_req_cleanup(req);
  }
}

/* --- statfs --------------------------------------------------------------- */

static void test_statfs(void **state) {
  nd_loop_t *loop = *state;
  nd_fs_t r;
  nd_fs_t *req = &r;
  struct statfs want;
  nd_statfs_t *got;
  int async;
  int i;

  enter_test_dir("statfs");
  assert_int_equal(statfs(test_dir, &want), 0);
  for (async = 0; async < 2; async++) {
    assert_result(START(async, nd_fs_statfs(loop, req, test_dir, CB(async))),
                  0);
    got = req->ptr;
    assert_non_null(got);
    assert_int_equal(got->f_type, (uint64_t)want.f_type);
    assert_int_equal(got->f_bsize, (uint64_t)want.f_bsize);
    assert_int_equal(got->f_blocks, want.f_blocks);
    assert_int_equal(got->f_files, want.f_files);
    assert_true(got->f_bavail <= got->f_bfree);
    assert_true(got->f_bfree <= got->f_blocks);
    assert_true(got->f_ffree <= got->f_files);
    for (i = 0; i < 4; i++)
      assert_int_equal(got->f_spare[i], 0);
    nd_fs_req_cleanup(req);
    assert_null(req->ptr);

    assert_result(START(async, nd_fs_statfs(loop, req, tpath("missing"),
                                            CB(async))), ND_ENOENT);
    assert_null(req->ptr);
    nd_fs_req_cleanup(req);
  }
}

/* --- access --------------------------------------------------------------- */

static void test_access(void **state) {
  nd_loop_t *loop = *state;
  nd_fs_t r;
  nd_fs_t *req = &r;
  int root = geteuid() == 0;
  char rw[PATH_BUF];
  char none[PATH_BUF];
  char exe[PATH_BUF];
  int async;

  enter_test_dir("access");
  path_in(rw, "rw");
  path_in(none, "none");
  path_in(exe, "exe");
  make_file(rw, 1, 0644);
  make_file(none, 1, 0000);
  make_file(exe, 1, 0755);
  for (async = 0; async < 2; async++) {
    assert_result(START(async, nd_fs_access(loop, req, rw, F_OK, CB(async))),
                  0);
    nd_fs_req_cleanup(req);
    assert_result(START(async, nd_fs_access(loop, req, rw, R_OK | W_OK,
                                            CB(async))), 0);
    nd_fs_req_cleanup(req);
    /* No execute bit at all: denied even to root. */
    assert_result(START(async, nd_fs_access(loop, req, rw, X_OK, CB(async))),
                  ND_EACCES);
    nd_fs_req_cleanup(req);
    assert_result(START(async, nd_fs_access(loop, req, exe,
                                            R_OK | W_OK | X_OK, CB(async))),
                  0);
    nd_fs_req_cleanup(req);
    /* Mode 0: root still reads and writes; anyone else is refused. */
    assert_result(START(async, nd_fs_access(loop, req, none, R_OK,
                                            CB(async))), root ? 0 : ND_EACCES);
    nd_fs_req_cleanup(req);
    assert_result(START(async, nd_fs_access(loop, req, none, W_OK,
                                            CB(async))), root ? 0 : ND_EACCES);
    nd_fs_req_cleanup(req);
    assert_result(START(async, nd_fs_access(loop, req, none, X_OK,
                                            CB(async))), ND_EACCES);
    nd_fs_req_cleanup(req);
    assert_result(START(async, nd_fs_access(loop, req, none, F_OK,
                                            CB(async))), 0);
    nd_fs_req_cleanup(req);
    assert_result(START(async, nd_fs_access(loop, req, tpath("missing"),
                                            F_OK, CB(async))), ND_ENOENT);
    nd_fs_req_cleanup(req);
    assert_result(START(async, nd_fs_access(loop, req, rw, 0x100,
                                            CB(async))), ND_EINVAL);
    nd_fs_req_cleanup(req);
  }
}

/* --- chmod, fchmod -------------------------------------------------------- */

static mode_t mode_of(const char *path) {
  struct stat st;

  assert_int_equal(lstat(path, &st), 0);
  return st.st_mode & 07777;
}

static void test_chmod(void **state) {
  static const int modes[] = {0600, 0755, 0444, 01777, 04711, 0};
  nd_loop_t *loop = *state;
  nd_fs_t r;
  nd_fs_t *req = &r;
  char file[PATH_BUF];
  size_t i;
  int async;
  int fd;

  enter_test_dir("chmod");
  path_in(file, "file");
  make_file(file, 1, 0644);
  fd = open(file, O_RDONLY);
  assert_true(fd >= 0);
  for (async = 0; async < 2; async++) {
    for (i = 0; i < sizeof(modes) / sizeof(modes[0]); i++) {
      assert_result(START(async, nd_fs_chmod(loop, req, file, modes[i],
                                             CB(async))), 0);
      assert_int_equal(nd_fs_get_type(req), ND_FS_CHMOD);
      nd_fs_req_cleanup(req);
      assert_int_equal(mode_of(file), modes[i]);

      assert_result(START(async, nd_fs_fchmod(loop, req, fd, modes[i] ^ 0070,
                                              CB(async))), 0);
      assert_int_equal(nd_fs_get_type(req), ND_FS_FCHMOD);
      nd_fs_req_cleanup(req);
      assert_int_equal(mode_of(file), modes[i] ^ 0070);
    }
    assert_result(START(async, nd_fs_chmod(loop, req, tpath("missing"), 0600,
                                           CB(async))), ND_ENOENT);
    nd_fs_req_cleanup(req);
    assert_result(START(async, nd_fs_fchmod(loop, req, -1, 0600, CB(async))),
                  ND_EBADF);
    nd_fs_req_cleanup(req);
  }
  assert_int_equal(close(fd), 0);
}

/* --- chown, fchown, lchown ------------------------------------------------ */

static void owner_of(const char *path, uid_t *uid, gid_t *gid) {
  struct stat st;

  assert_int_equal(lstat(path, &st), 0);
  *uid = st.st_uid;
  *gid = st.st_gid;
}

#define assert_owner(path, want_uid, want_gid)                               \
  do {                                                                       \
    uid_t u_;                                                                \
    gid_t g_;                                                                \
    owner_of((path), &u_, &g_);                                              \
    assert_int_equal(u_, (want_uid));                                        \
    assert_int_equal(g_, (want_gid));                                        \
  } while (0)

static void test_chown(void **state) {
  nd_loop_t *loop = *state;
  nd_fs_t r;
  nd_fs_t *req = &r;
  char file[PATH_BUF];
  char link_path[PATH_BUF];
  uid_t me = geteuid();
  gid_t my_gid = getegid();
  int async;
  int fd;

  enter_test_dir("chown");
  path_in(file, "file");
  path_in(link_path, "link");
  make_file(file, 1, 0644);
  assert_int_equal(symlink("file", link_path), 0);
  fd = open(file, O_RDONLY);
  assert_true(fd >= 0);
  for (async = 0; async < 2; async++) {
    /* Anyone may give a file to themselves; -1 -1 changes nothing. */
    assert_result(START(async, nd_fs_chown(loop, req, file, me, my_gid,
                                           CB(async))), 0);
    nd_fs_req_cleanup(req);
    assert_result(START(async, nd_fs_chown(loop, req, file, (uid_t)-1,
                                           (gid_t)-1, CB(async))), 0);
    nd_fs_req_cleanup(req);
    assert_owner(file, me, my_gid);
    assert_result(START(async, nd_fs_chown(loop, req, tpath("missing"), me,
                                           my_gid, CB(async))), ND_ENOENT);
    nd_fs_req_cleanup(req);
    if (me != 0)
      continue;

    /* Root gives the file away, one id at a time. */
    assert_result(START(async, nd_fs_chown(loop, req, file, 1234, 5678,
                                           CB(async))), 0);
    assert_int_equal(nd_fs_get_type(req), ND_FS_CHOWN);
    nd_fs_req_cleanup(req);
    assert_owner(file, 1234, 5678);
    assert_result(START(async, nd_fs_chown(loop, req, file, (uid_t)-1, 4321,
                                           CB(async))), 0);
    nd_fs_req_cleanup(req);
    assert_owner(file, 1234, 4321);
    assert_result(START(async, nd_fs_chown(loop, req, file, 2222, (gid_t)-1,
                                           CB(async))), 0);
    nd_fs_req_cleanup(req);
    assert_owner(file, 2222, 4321);

    /* Through the symlink: chown follows it, lchown does not. */
    assert_result(START(async, nd_fs_chown(loop, req, link_path, 3333, 3334,
                                           CB(async))), 0);
    nd_fs_req_cleanup(req);
    assert_owner(file, 3333, 3334);
    assert_owner(link_path, 0, 0);
    assert_result(START(async, nd_fs_lchown(loop, req, link_path, 4444, 4445,
                                            CB(async))), 0);
    assert_int_equal(nd_fs_get_type(req), ND_FS_LCHOWN);
    nd_fs_req_cleanup(req);
    assert_owner(link_path, 4444, 4445);
    assert_owner(file, 3333, 3334);
    assert_result(START(async, nd_fs_lchown(loop, req, link_path, (uid_t)-1,
                                            0, CB(async))), 0);
    nd_fs_req_cleanup(req);
    assert_owner(link_path, 4444, 0);

    assert_result(START(async, nd_fs_fchown(loop, req, fd, 5555, (gid_t)-1,
                                            CB(async))), 0);
    assert_int_equal(nd_fs_get_type(req), ND_FS_FCHOWN);
    nd_fs_req_cleanup(req);
    assert_owner(file, 5555, 3334);
    assert_result(START(async, nd_fs_fchown(loop, req, -1, 0, 0, CB(async))),
                  ND_EBADF);
    nd_fs_req_cleanup(req);

    /* Back to root for the next round. */
    assert_int_equal(chown(file, 0, 0), 0);
    assert_int_equal(lchown(link_path, 0, 0), 0);
  }
  assert_int_equal(close(fd), 0);
  if (me != 0) {
    print_message("skipped: giving files away needs root; only chown to "
                  "one's own ids was tested\n");
    skip();
  }
}

/* --- utime, futime, lutime ------------------------------------------------ */

/*
 * Seconds as doubles and the timespec each must become: whole seconds
 * rounded down, the double's fraction truncated to nanoseconds.  The
 * comments give the double's exact value where it is not the literal.
 */
static const struct {
  double seconds;
  struct timespec ts;
} times[] = {
  /* 1234567890.1234567165374755859375 */
  {1234567890.123456789, {1234567890, 123456716}},
  /* 987654321.98765432834625244140625 */
  {987654321.987654321, {987654321, 987654328}},
  /* 1.69999999999999995559...: the product rounds to 7e8 in double */
  {1.7, {1, 700000000}},
  {1000000000.5, {1000000000, 500000000}},
  {0, {0, 0}},
  {-1.25, {-2, 750000000}},
  /* 2100-01-01, two units of the double's last place (2^-21 s) past */
  {4102444800.000000953674316, {4102444800, 953}},
};

#define NTIMES (sizeof(times) / sizeof(times[0]))

/* The same times set with utimensat(2), read back with stat(2). */
static void reference_times(const char *path, const struct timespec *atime,
                            const struct timespec *mtime, struct stat *out) {
  struct timespec ts[2];

  make_file(path, 0, 0644);
  ts[0] = *atime;
  ts[1] = *mtime;
  assert_int_equal(utimensat(AT_FDCWD, path, ts, 0), 0);
  assert_int_equal(stat(path, out), 0);
}

static void assert_times(const char *path, int follow,
                         const struct timespec *atime,
                         const struct timespec *mtime,
                         const struct stat *ref) {
  struct stat st;

  assert_int_equal(follow ? stat(path, &st) : lstat(path, &st), 0);
  assert_same_time(&(nd_timespec_t){st.st_atim.tv_sec, st.st_atim.tv_nsec},
                   atime, "atime");
  assert_same_time(&(nd_timespec_t){st.st_mtim.tv_sec, st.st_mtim.tv_nsec},
                   mtime, "mtime");
  /* What the file system holds equals what utimensat(2) stores. */
  assert_int_equal(st.st_atim.tv_sec, ref->st_atim.tv_sec);
  assert_int_equal(st.st_atim.tv_nsec, ref->st_atim.tv_nsec);
  assert_int_equal(st.st_mtim.tv_sec, ref->st_mtim.tv_sec);
  assert_int_equal(st.st_mtim.tv_nsec, ref->st_mtim.tv_nsec);
}

static void test_utime_nanoseconds(void **state) {
  nd_loop_t *loop = *state;
  nd_fs_t r;
  nd_fs_t *req = &r;
  char file[PATH_BUF];
  struct stat ref;
  size_t i;
  size_t j;
  int async;
  int fd;

  enter_test_dir("utime");
  path_in(file, "file");
  make_file(file, 1, 0644);
  fd = open(file, O_RDWR);
  assert_true(fd >= 0);
  for (async = 0; async < 2; async++) {
    for (i = 0; i < NTIMES; i++) {
      /* atime and mtime differ, so a swap would show. */
      j = (i + 1) % NTIMES;
      reference_times(tpath("reference"), &times[i].ts, &times[j].ts, &ref);

      assert_result(START(async, nd_fs_utime(loop, req, file,
                                             times[i].seconds,
                                             times[j].seconds, CB(async))),
                    0);
      assert_int_equal(nd_fs_get_type(req), ND_FS_UTIME);
      nd_fs_req_cleanup(req);
      assert_times(file, 1, &times[i].ts, &times[j].ts, &ref);
      /* And nd_fs_stat reads them back to the nanosecond. */
      assert_result(START(async, nd_fs_stat(loop, req, file, CB(async))), 0);
      assert_same_time(&req->statbuf.st_atim, &times[i].ts, "stat atime");
      assert_same_time(&req->statbuf.st_mtim, &times[j].ts, "stat mtime");
      nd_fs_req_cleanup(req);

      /* futime, the other way round. */
      reference_times(tpath("reference"), &times[j].ts, &times[i].ts, &ref);
      assert_result(START(async, nd_fs_futime(loop, req, fd,
                                              times[j].seconds,
                                              times[i].seconds, CB(async))),
                    0);
      assert_int_equal(nd_fs_get_type(req), ND_FS_FUTIME);
      nd_fs_req_cleanup(req);
      assert_times(file, 1, &times[j].ts, &times[i].ts, &ref);
      assert_result(START(async, nd_fs_fstat(loop, req, fd, CB(async))), 0);
      assert_same_time(&req->statbuf.st_atim, &times[j].ts, "fstat atime");
      assert_same_time(&req->statbuf.st_mtim, &times[i].ts, "fstat mtime");
      nd_fs_req_cleanup(req);
    }
    assert_result(START(async, nd_fs_utime(loop, req, tpath("missing"), 1, 1,
                                           CB(async))), ND_ENOENT);
    nd_fs_req_cleanup(req);
    assert_result(START(async, nd_fs_futime(loop, req, -1, 1, 1, CB(async))),
                  ND_EBADF);
    nd_fs_req_cleanup(req);
  }
  assert_int_equal(close(fd), 0);
}

static void test_lutime_changes_the_link(void **state) {
  nd_loop_t *loop = *state;
  nd_fs_t r;
  nd_fs_t *req = &r;
  const struct timespec target_ts = {1111111111, 0};
  char file[PATH_BUF];
  char link_path[PATH_BUF];
  struct stat ref;
  struct stat st;
  int async;

  enter_test_dir("lutime");
  path_in(file, "file");
  path_in(link_path, "link");
  make_file(file, 1, 0644);
  assert_int_equal(symlink("file", link_path), 0);
  for (async = 0; async < 2; async++) {
    assert_int_equal(
        utimensat(AT_FDCWD, file, (struct timespec[2]){target_ts, target_ts},
                  0),
        0);
    reference_times(tpath("reference"), &times[0].ts, &times[1].ts, &ref);
    assert_result(START(async, nd_fs_lutime(loop, req, link_path,
                                            times[0].seconds,
                                            times[1].seconds, CB(async))),
                  0);
    assert_int_equal(nd_fs_get_type(req), ND_FS_LUTIME);
    nd_fs_req_cleanup(req);
    assert_times(link_path, 0, &times[0].ts, &times[1].ts, &ref);
    /* The target kept its times. */
    assert_int_equal(stat(file, &st), 0);
    assert_int_equal(st.st_mtim.tv_sec, target_ts.tv_sec);
    assert_int_equal(st.st_mtim.tv_nsec, 0);
    assert_int_equal(st.st_atim.tv_sec, target_ts.tv_sec);

    /* utime through the same link changes the target instead. */
    reference_times(tpath("reference"), &times[2].ts, &times[3].ts, &ref);
    assert_result(START(async, nd_fs_utime(loop, req, link_path,
                                           times[2].seconds,
                                           times[3].seconds, CB(async))),
                  0);
    nd_fs_req_cleanup(req);
    assert_times(file, 1, &times[2].ts, &times[3].ts, &ref);
    assert_int_equal(lstat(link_path, &st), 0);
    assert_int_equal(st.st_mtim.tv_sec, times[1].ts.tv_sec);
    assert_int_equal(st.st_mtim.tv_nsec, times[1].ts.tv_nsec);

    assert_result(START(async, nd_fs_lutime(loop, req, tpath("missing"), 1, 1,
                                            CB(async))), ND_ENOENT);
    nd_fs_req_cleanup(req);
  }
}

/* Times a double cannot turn into a timespec are refused at the call. */
static void test_utime_rejects_non_finite_times(void **state) {
  static const double bad[] = {NAN, INFINITY, -INFINITY, 1e300, -1e19};
  nd_loop_t *loop = *state;
  nd_fs_t r;
  nd_fs_t *req = &r;
  char file[PATH_BUF];
  size_t i;
  int async;

  enter_test_dir("utime_bad");
  path_in(file, "file");
  make_file(file, 1, 0644);
  for (async = 0; async < 2; async++) {
    for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
      cb_calls = 0;
      assert_int_equal(nd_fs_utime(loop, req, file, bad[i], 1, CB(async)),
                       ND_EINVAL);
      nd_fs_req_cleanup(req);
      assert_int_equal(nd_fs_lutime(loop, req, file, 1, bad[i], CB(async)),
                       ND_EINVAL);
      nd_fs_req_cleanup(req);
      assert_int_equal(nd_fs_futime(loop, req, 0, bad[i], bad[i], CB(async)),
                       ND_EINVAL);
      nd_fs_req_cleanup(req);
      assert_false(nd_loop_alive(loop));
      assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
      assert_int_equal(cb_calls, 0);
    }
  }
}

/* --- unlink, rename, link ------------------------------------------------- */

static void test_unlink(void **state) {
  nd_loop_t *loop = *state;
  nd_fs_t r;
  nd_fs_t *req = &r;
  struct stat st;
  char file[PATH_BUF];
  int async;

  enter_test_dir("unlink");
  path_in(file, "file");
  assert_int_equal(mkdir(tpath("dir"), 0755), 0);
  for (async = 0; async < 2; async++) {
    make_file(file, 1, 0644);
    assert_result(START(async, nd_fs_unlink(loop, req, file, CB(async))), 0);
    assert_int_equal(nd_fs_get_type(req), ND_FS_UNLINK);
    nd_fs_req_cleanup(req);
    assert_int_equal(stat(file, &st), -1);
    assert_int_equal(errno, ENOENT);
    assert_result(START(async, nd_fs_unlink(loop, req, file, CB(async))),
                  ND_ENOENT);
    nd_fs_req_cleanup(req);
    /* Linux answers EISDIR (POSIX says EPERM) for a directory. */
    assert_result(START(async, nd_fs_unlink(loop, req, tpath("dir"),
                                            CB(async))), ND_EISDIR);
    nd_fs_req_cleanup(req);
    assert_int_equal(stat(tpath("dir"), &st), 0);
  }
}

static ino_t ino_of(const char *path) {
  struct stat st;

  assert_int_equal(lstat(path, &st), 0);
  return st.st_ino;
}

static void test_rename(void **state) {
  nd_loop_t *loop = *state;
  nd_fs_t r;
  nd_fs_t *req = &r;
  struct stat st;
  char a[PATH_BUF];
  char b[PATH_BUF];
  ino_t ino;
  int async;

  enter_test_dir("rename");
  path_in(a, "a");
  path_in(b, "b");
  assert_int_equal(mkdir(tpath("dir"), 0755), 0);
  assert_int_equal(mkdir(tpath("full"), 0755), 0);
  make_file(tpath("full/x"), 1, 0644);
  for (async = 0; async < 2; async++) {
    /* To a new name. */
    make_file(a, 10, 0644);
    ino = ino_of(a);
    assert_result(START(async, nd_fs_rename(loop, req, a, b, CB(async))), 0);
    assert_int_equal(nd_fs_get_type(req), ND_FS_RENAME);
    nd_fs_req_cleanup(req);
    assert_int_equal(lstat(a, &st), -1);
    assert_int_equal(ino_of(b), ino);

    /* Over an existing file, which it replaces. */
    make_file(a, 20, 0600);
    ino = ino_of(a);
    assert_result(START(async, nd_fs_rename(loop, req, a, b, CB(async))), 0);
    nd_fs_req_cleanup(req);
    assert_int_equal(lstat(a, &st), -1);
    assert_int_equal(stat(b, &st), 0);
    assert_int_equal(st.st_ino, ino);
    assert_int_equal(st.st_size, 20);
    assert_int_equal(st.st_mode & 07777, 0600);

    assert_result(START(async, nd_fs_rename(loop, req, tpath("missing"), a,
                                            CB(async))), ND_ENOENT);
    nd_fs_req_cleanup(req);
    /* A file over a directory, a directory over a non-empty one. */
    assert_result(START(async, nd_fs_rename(loop, req, b, tpath("dir"),
                                            CB(async))), ND_EISDIR);
    nd_fs_req_cleanup(req);
    assert_result(START(async, nd_fs_rename(loop, req, tpath("dir"),
                                            tpath("full"), CB(async))),
                  ND_ENOTEMPTY);
    nd_fs_req_cleanup(req);
    /* A directory over a file. */
    assert_result(START(async, nd_fs_rename(loop, req, tpath("dir"), b,
                                            CB(async))), ND_ENOTDIR);
    nd_fs_req_cleanup(req);
    assert_int_equal(unlink(b), 0);
  }
}

static void test_link(void **state) {
  nd_loop_t *loop = *state;
  nd_fs_t r;
  nd_fs_t *req = &r;
  struct stat st;
  char file[PATH_BUF];
  char second[PATH_BUF];
  int async;

  enter_test_dir("link");
  path_in(file, "file");
  path_in(second, "second");
  make_file(file, 7, 0644);
  for (async = 0; async < 2; async++) {
    assert_result(START(async, nd_fs_link(loop, req, file, second,
                                          CB(async))), 0);
    assert_int_equal(nd_fs_get_type(req), ND_FS_LINK);
    nd_fs_req_cleanup(req);
    assert_int_equal(stat(file, &st), 0);
    assert_int_equal(st.st_nlink, 2);
    assert_int_equal(ino_of(second), st.st_ino);
    /* And as nd_fs_stat sees it. */
    assert_result(START(async, nd_fs_stat(loop, req, second, CB(async))), 0);
    assert_int_equal(req->statbuf.st_nlink, 2);
    assert_int_equal(req->statbuf.st_ino, st.st_ino);
    nd_fs_req_cleanup(req);

    assert_result(START(async, nd_fs_link(loop, req, file, second,
                                          CB(async))), ND_EEXIST);
    nd_fs_req_cleanup(req);
    assert_result(START(async, nd_fs_link(loop, req, tpath("missing"),
                                          tpath("third"), CB(async))),
                  ND_ENOENT);
    nd_fs_req_cleanup(req);
    assert_int_equal(unlink(second), 0);
  }
}

/* --- symlink, readlink, realpath ------------------------------------------ */

static void test_symlink_readlink(void **state) {
  nd_loop_t *loop = *state;
  nd_fs_t r;
  nd_fs_t *req = &r;
  char long_target[4001];
  char buf[PATH_MAX];
  char link_path[PATH_BUF];
  struct stat st;
  int async;
  int i;

  enter_test_dir("symlink");
  path_in(link_path, "link");
  make_file(tpath("file"), 1, 0644);
  /* 4000 bytes in 400 components: a link may point at anything. */
  for (i = 0; i < 400; i++)
    memcpy(long_target + i * 10, "component/", 10);
  long_target[4000] = '\0';
  for (async = 0; async < 2; async++) {
    assert_result(START(async, nd_fs_symlink(loop, req, "file", link_path, 0,
                                             CB(async))), 0);
    assert_int_equal(nd_fs_get_type(req), ND_FS_SYMLINK);
    nd_fs_req_cleanup(req);
    assert_int_equal(lstat(link_path, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_int_equal(readlink(link_path, buf, sizeof(buf)), 4);
    assert_memory_equal(buf, "file", 4);

    assert_result(START(async, nd_fs_readlink(loop, req, link_path,
                                              CB(async))), 0);
    assert_int_equal(nd_fs_get_type(req), ND_FS_READLINK);
    assert_string_equal(req->ptr, "file");
    nd_fs_req_cleanup(req);
    assert_null(req->ptr);

    /* Exists already. */
    assert_result(START(async, nd_fs_symlink(loop, req, "other", link_path,
                                             ND_FS_SYMLINK_DIR, CB(async))),
                  ND_EEXIST);
    nd_fs_req_cleanup(req);
    assert_int_equal(unlink(link_path), 0);

    /* A dangling link with a long target, past readlink's first buffer. */
    assert_result(START(async, nd_fs_symlink(loop, req, long_target,
                                             link_path, 0, CB(async))), 0);
    nd_fs_req_cleanup(req);
    assert_result(START(async, nd_fs_readlink(loop, req, link_path,
                                              CB(async))), 0);
    assert_int_equal(strlen(req->ptr), 4000);
    assert_string_equal(req->ptr, long_target);
    nd_fs_req_cleanup(req);
    assert_int_equal(unlink(link_path), 0);

    /* Targets of every length around the buffer sizes readlink tries. */
    for (i = 250; i <= 260; i++) {
      char target[600];

      memset(target, 't', (size_t)i);
      target[i] = '\0';
      assert_int_equal(symlink(target, link_path), 0);
      assert_result(START(async, nd_fs_readlink(loop, req, link_path,
                                                CB(async))), 0);
      assert_string_equal(req->ptr, target);
      nd_fs_req_cleanup(req);
      assert_int_equal(unlink(link_path), 0);
    }

    /* Not a link; not there. */
    assert_result(START(async, nd_fs_readlink(loop, req, tpath("file"),
                                              CB(async))), ND_EINVAL);
    assert_null(req->ptr);
    nd_fs_req_cleanup(req);
    assert_result(START(async, nd_fs_readlink(loop, req, tpath("missing"),
                                              CB(async))), ND_ENOENT);
    nd_fs_req_cleanup(req);
  }
}

static void test_realpath(void **state) {
  nd_loop_t *loop = *state;
  nd_fs_t r;
  nd_fs_t *req = &r;
  char want[PATH_MAX];
  char *sys;
  char twisted[PATH_BUF];
  int async;

  enter_test_dir("realpath");
  assert_int_equal(mkdir(tpath("a"), 0755), 0);
  assert_int_equal(mkdir(tpath("a/b"), 0755), 0);
  make_file(tpath("a/b/file"), 1, 0644);
  assert_int_equal(symlink("a/b", tpath("to_b")), 0);
  assert_int_equal(symlink("../b/file", tpath("a/b/rel")), 0);
  /* Through ./, ../, a directory link and a relative file link. */
  path_in(twisted, "./a/../to_b/./rel");
  assert_non_null(realpath(run_dir, want));
  strcat(want, "/realpath/a/b/file");
  sys = realpath(twisted, NULL);
  assert_non_null(sys);
  assert_string_equal(sys, want);
  free(sys);
  for (async = 0; async < 2; async++) {
    assert_result(START(async, nd_fs_realpath(loop, req, twisted,
                                              CB(async))), 0);
    assert_int_equal(nd_fs_get_type(req), ND_FS_REALPATH);
    assert_string_equal(req->ptr, want);
    nd_fs_req_cleanup(req);
    assert_null(req->ptr);

    assert_result(START(async, nd_fs_realpath(loop, req, tpath("a/missing"),
                                              CB(async))), ND_ENOENT);
    assert_null(req->ptr);
    nd_fs_req_cleanup(req);
    assert_result(START(async, nd_fs_realpath(loop, req, tpath("a/b/file/x"),
                                              CB(async))), ND_ENOTDIR);
    nd_fs_req_cleanup(req);
  }
}

/* --- bad arguments -------------------------------------------------------- */

static void test_null_paths_are_refused(void **state) {
  nd_loop_t *loop = *state;
  nd_fs_t r;
  nd_fs_t *req = &r;
  const char *p = "/";
  int async;

  for (async = 0; async < 2; async++) {
    cb_calls = 0;
#define REFUSED(call)                                                        \
  do {                                                                       \
    assert_int_equal((call), ND_EINVAL);                                     \
    nd_fs_req_cleanup(req);                                                  \
  } while (0)
    REFUSED(nd_fs_stat(loop, req, NULL, CB(async)));
    REFUSED(nd_fs_lstat(loop, req, NULL, CB(async)));
    REFUSED(nd_fs_statfs(loop, req, NULL, CB(async)));
    REFUSED(nd_fs_access(loop, req, NULL, F_OK, CB(async)));
    REFUSED(nd_fs_chmod(loop, req, NULL, 0644, CB(async)));
    REFUSED(nd_fs_chown(loop, req, NULL, 0, 0, CB(async)));
    REFUSED(nd_fs_lchown(loop, req, NULL, 0, 0, CB(async)));
    REFUSED(nd_fs_utime(loop, req, NULL, 1, 1, CB(async)));
    REFUSED(nd_fs_lutime(loop, req, NULL, 1, 1, CB(async)));
    REFUSED(nd_fs_unlink(loop, req, NULL, CB(async)));
    REFUSED(nd_fs_rename(loop, req, NULL, p, CB(async)));
    REFUSED(nd_fs_rename(loop, req, p, NULL, CB(async)));
    REFUSED(nd_fs_link(loop, req, NULL, p, CB(async)));
    REFUSED(nd_fs_link(loop, req, p, NULL, CB(async)));
    REFUSED(nd_fs_symlink(loop, req, NULL, p, 0, CB(async)));
    REFUSED(nd_fs_symlink(loop, req, p, NULL, 0, CB(async)));
    REFUSED(nd_fs_readlink(loop, req, NULL, CB(async)));
    REFUSED(nd_fs_realpath(loop, req, NULL, CB(async)));
#undef REFUSED
    /* Nothing was queued: the loop has nothing to run, no callback came. */
    assert_false(nd_loop_alive(loop));
    assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
    assert_int_equal(cb_calls, 0);
  }
}

/* --- many at once --------------------------------------------------------- */

#define MANY 1000

struct many {
  nd_fs_t req;
  int calls;
  char name[160];
  char new_name[160];
};

static void many_cb(nd_fs_t *req) {
  struct many *m = req->data;

  m->calls++;
}

/* Start one request per file, all before the loop runs, then run it. */
#define MANY_ROUND(m, call)                                                  \
  do {                                                                       \
    size_t i_;                                                               \
    for (i_ = 0; i_ < MANY; i_++) {                                          \
      struct many *it = &(m)[i_];                                            \
      it->calls = 0;                                                         \
      it->req.data = it;                                                     \
      ND_OK(call);                                                           \
    }                                                                        \
    assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);                       \
  } while (0)

static void test_many_in_flight(void **state) {
  nd_loop_t *loop = *state;
  struct many *m = calloc(MANY, sizeof(*m));
  struct stat st;
  size_t i;

  assert_non_null(m);
  enter_test_dir("many");
  for (i = 0; i < MANY; i++) {
    snprintf(m[i].name, sizeof(m[i].name), "%s/f%zu", test_dir, i);
    snprintf(m[i].new_name, sizeof(m[i].new_name), "%s/g%zu", test_dir, i);
    make_file(m[i].name, i, 0600);
  }

  MANY_ROUND(m, nd_fs_stat(loop, &it->req, it->name, many_cb));
  for (i = 0; i < MANY; i++) {
    assert_int_equal(m[i].calls, 1);
    assert_result(m[i].req.result, 0);
    assert_int_equal(stat(m[i].name, &st), 0);
    assert_int_equal(m[i].req.statbuf.st_size, i);
    assert_int_equal(m[i].req.statbuf.st_ino, st.st_ino);
    nd_fs_req_cleanup(&m[i].req);
  }

  MANY_ROUND(m, nd_fs_rename(loop, &it->req, it->name, it->new_name,
                             many_cb));
  for (i = 0; i < MANY; i++) {
    assert_int_equal(m[i].calls, 1);
    assert_result(m[i].req.result, 0);
    nd_fs_req_cleanup(&m[i].req);
    assert_int_equal(lstat(m[i].name, &st), -1);
  }

  /* The new names, seen through lstat this time. */
  MANY_ROUND(m, nd_fs_lstat(loop, &it->req, it->new_name, many_cb));
  for (i = 0; i < MANY; i++) {
    assert_int_equal(m[i].calls, 1);
    assert_result(m[i].req.result, 0);
    assert_int_equal(m[i].req.statbuf.st_size, i);
    nd_fs_req_cleanup(&m[i].req);
  }

  MANY_ROUND(m, nd_fs_unlink(loop, &it->req, it->new_name, many_cb));
  for (i = 0; i < MANY; i++) {
    assert_int_equal(m[i].calls, 1);
    assert_result(m[i].req.result, 0);
    nd_fs_req_cleanup(&m[i].req);
  }
  /* The directory is empty: rmdir succeeds. */
  assert_int_equal(rmdir(test_dir), 0);
  free(m);
}

/* --- ring or pool --------------------------------------------------------- */

static struct {
  pthread_mutex_t lock;
  pthread_cond_t cond;
  int blocked;
  int open;
} gate = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, 0, 0};

/* Occupies the pool's only thread until the gate opens. */
static void gate_work(nd_work_t *w) {
  (void)w;
  pthread_mutex_lock(&gate.lock);
  gate.blocked = 1;
  pthread_cond_broadcast(&gate.cond);
  while (!gate.open)
    pthread_cond_wait(&gate.cond, &gate.lock);
  pthread_mutex_unlock(&gate.lock);
}

static void stop_timer_cb(nd_timer_t *t) {
  nd_stop(t->loop);
}

/*
 * With the pool's one thread held, the operations the ring runs still
 * complete on an io_uring loop, and those it does not (access, here) wait.
 * On epoll every one of them waits for the pool.
 */
static void test_ring_operations_skip_the_pool(void **state) {
  enum {
    STAT, LSTAT, FSTAT, UNLINK, RENAME, LINK, SYMLINK, /* the ring's */
    ACCESS, CANCELLED, NREQ
  };
  nd_loop_t *loop = *state;
  nd_threadpool_t *pool;
  struct many reqs[NREQ];
  nd_work_t work;
  nd_timer_t timer;
  int uring = is_io_uring(loop);
  int done;
  int fd;
  int i;

  enter_test_dir("ring");
  make_file(tpath("file"), 3, 0644);
  make_file(tpath("doomed"), 0, 0644);
  make_file(tpath("moving"), 0, 0644);
  fd = open(tpath("file"), O_RDONLY);
  assert_true(fd >= 0);

  ND_OK(nd_threadpool_new(&pool, 1));
  ND_OK(nd_loop_configure(loop, ND_LOOP_THREADPOOL, pool));
  gate.blocked = 0;
  gate.open = 0;
  ND_OK(nd_queue_work(loop, &work, gate_work, NULL));
  pthread_mutex_lock(&gate.lock);
  while (!gate.blocked)
    pthread_cond_wait(&gate.cond, &gate.lock);
  pthread_mutex_unlock(&gate.lock);

  memset(reqs, 0, sizeof(reqs));
  for (i = 0; i < NREQ; i++)
    reqs[i].req.data = &reqs[i];
  ND_OK(nd_fs_stat(loop, &reqs[STAT].req, tpath("file"), many_cb));
  ND_OK(nd_fs_lstat(loop, &reqs[LSTAT].req, tpath("file"), many_cb));
  ND_OK(nd_fs_fstat(loop, &reqs[FSTAT].req, fd, many_cb));
  ND_OK(nd_fs_unlink(loop, &reqs[UNLINK].req, tpath("doomed"), many_cb));
  ND_OK(nd_fs_rename(loop, &reqs[RENAME].req, tpath("moving"),
                     tpath("moved"), many_cb));
  ND_OK(nd_fs_link(loop, &reqs[LINK].req, tpath("file"), tpath("hard"),
                   many_cb));
  ND_OK(nd_fs_symlink(loop, &reqs[SYMLINK].req, "file", tpath("soft"), 0,
                      many_cb));
  ND_OK(nd_fs_access(loop, &reqs[ACCESS].req, tpath("file"), R_OK, many_cb));
  /* Only a request still waiting for a worker can be cancelled. */
  ND_OK(nd_fs_stat(loop, &reqs[CANCELLED].req, tpath("file"), many_cb));
  assert_int_equal(nd_cancel((nd_req_t *)&reqs[CANCELLED].req),
                   uring ? ND_EBUSY : 0);

  /* Run for 200 ms with the pool held. */
  ND_OK(nd_timer_init(loop, &timer));
  ND_OK(nd_timer_start(&timer, stop_timer_cb, 200, 0));
  for (;;) {
    nd_run(loop, ND_RUN_ONCE);
    for (done = 0, i = 0; i < ACCESS; i++)
      done += reqs[i].calls;
    if ((uring && done == ACCESS) || !nd_is_active((nd_handle_t *)&timer))
      break;
  }
  nd_timer_stop(&timer);
  for (i = 0; i < ACCESS; i++)
    if (reqs[i].calls != (uring ? 1 : 0))
      fail_msg("request %d: %d callbacks with the pool held on %s", i,
               reqs[i].calls, nd_backend_name(loop));
  assert_int_equal(reqs[ACCESS].calls, 0);
  if (!uring) /* a cancelled request needs no worker to end */
    assert_int_equal(reqs[CANCELLED].calls, 1);

  pthread_mutex_lock(&gate.lock);
  gate.open = 1;
  pthread_cond_broadcast(&gate.cond);
  pthread_mutex_unlock(&gate.lock);
  nd_close((nd_handle_t *)&timer, NULL);
  assert_int_equal(nd_run(loop, ND_RUN_DEFAULT), 0);
  for (i = 0; i < NREQ; i++) {
    assert_int_equal(reqs[i].calls, 1);
    assert_result(reqs[i].req.result,
                  i == CANCELLED && !uring ? ND_ECANCELED : 0);
  }
  assert_int_equal(reqs[STAT].req.statbuf.st_size, 3);
  assert_int_equal(reqs[FSTAT].req.statbuf.st_ino,
                   reqs[LSTAT].req.statbuf.st_ino);
  assert_int_equal(access(tpath("doomed"), F_OK), -1);
  assert_int_equal(access(tpath("moved"), F_OK), 0);
  assert_int_equal(ino_of(tpath("hard")), reqs[STAT].req.statbuf.st_ino);
  assert_int_not_equal(ino_of(tpath("soft")), reqs[STAT].req.statbuf.st_ino);
  for (i = 0; i < NREQ; i++)
    nd_fs_req_cleanup(&reqs[i].req);

  ND_OK(nd_loop_configure(loop, ND_LOOP_THREADPOOL, NULL));
  ND_OK(nd_threadpool_free(pool));
  assert_int_equal(close(fd), 0);
}

/* Runs last: every descriptor the tests opened has been closed. */
static void test_no_descriptor_leaked(void **state) {
  (void)state;
  assert_int_equal(test_count_fds(), fds_at_start);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    LOOP_TEST(test_stat_values),
    LOOP_TEST(test_lstat_vs_stat_on_a_symlink),
    LOOP_TEST(test_stat_errors),
    LOOP_TEST(test_statfs),
    LOOP_TEST(test_access),
    LOOP_TEST(test_chmod),
    LOOP_TEST(test_chown),
    LOOP_TEST(test_utime_nanoseconds),
    LOOP_TEST(test_lutime_changes_the_link),
    LOOP_TEST(test_utime_rejects_non_finite_times),
    LOOP_TEST(test_unlink),
    LOOP_TEST(test_rename),
    LOOP_TEST(test_link),
    LOOP_TEST(test_symlink_readlink),
    LOOP_TEST(test_realpath),
    LOOP_TEST(test_null_paths_are_refused),
    LOOP_TEST(test_many_in_flight),
    LOOP_TEST(test_ring_operations_skip_the_pool),
    cmocka_unit_test(test_no_descriptor_leaked),
  };

  return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
