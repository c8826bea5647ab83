/*
 * fs-meta.c - metadata and names: stat and friends, access, modes, owners,
 * times, unlink, rename, links, readlink, realpath.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "fs-internal.h"

/* statx, on the ring or not: what nd_stat_t wants, birth time included. */
static void from_statx(nd_stat_t *out, const struct statx *sx) {
  memset(out, 0, sizeof(*out));
  out->st_dev = makedev(sx->stx_dev_major, sx->stx_dev_minor);
  out->st_mode = sx->stx_mode;
  out->st_nlink = sx->stx_nlink;
  out->st_uid = sx->stx_uid;
  out->st_gid = sx->stx_gid;
  out->st_rdev = makedev(sx->stx_rdev_major, sx->stx_rdev_minor);
  out->st_ino = sx->stx_ino;
  out->st_size = sx->stx_size;
  out->st_blksize = sx->stx_blksize;
  out->st_blocks = sx->stx_blocks;
  out->st_atim.tv_sec = sx->stx_atime.tv_sec;
  out->st_atim.tv_nsec = sx->stx_atime.tv_nsec;
  out->st_mtim.tv_sec = sx->stx_mtime.tv_sec;
  out->st_mtim.tv_nsec = sx->stx_mtime.tv_nsec;
  out->st_ctim.tv_sec = sx->stx_ctime.tv_sec;
  out->st_ctim.tv_nsec = sx->stx_ctime.tv_nsec;
  if (sx->stx_mask & STATX_BTIME) {
    out->st_birthtim.tv_sec = sx->stx_btime.tv_sec;
    out->st_birthtim.tv_nsec = sx->stx_btime.tv_nsec;
  } else {
    out->st_birthtim = out->st_ctim;
  }
}

static struct statx *statx_buf(nd_fs_t *req) {
  return (struct statx *)(void *)req->scratch;
}

/* --- fstat -------------------------------------------------------------- */

static ssize_t fstat_run(nd_fs_t *req) {
  struct statx *sx = statx_buf(req);

  if (statx(req->file, "", AT_EMPTY_PATH, STATX_BASIC_STATS | STATX_BTIME,
            sx) != 0)
    return -errno;
  from_statx(&req->statbuf, sx);
  req->ptr = &req->statbuf;
  return 0;
}

static void fstat_prep(nd_fs_t *req, struct io_uring_sqe *sqe) {
  io_uring_prep_statx(sqe, req->file, "", AT_EMPTY_PATH,
                      STATX_BASIC_STATS | STATX_BTIME, statx_buf(req));
}

static ssize_t statx_finish(nd_fs_t *req, int res) {
  from_statx(&req->statbuf, statx_buf(req));
  req->ptr = &req->statbuf;
  return res;
}

static const struct nd__fs_op fstat_op = {
  fstat_run, IORING_OP_STATX, fstat_prep, statx_finish, NULL,
};

int nd_fs_fstat(nd_loop_t *loop, nd_fs_t *req, nd_file file, nd_fs_cb cb) {
  nd__fs_init(req, ND_FS_FSTAT);
  req->file = file;
  return nd__fs_start(loop, req, &fstat_op, cb);
}

/* --- stat, lstat -------------------------------------------------------- */

/*
 * The same statx the ring would make, so the two paths cannot disagree on
 * a field (birth time above all).
 */
static ssize_t statx_path(nd_fs_t *req, int flags) {
  struct statx *sx = statx_buf(req);

  if (statx(AT_FDCWD, req->path, flags, STATX_BASIC_STATS | STATX_BTIME,
            sx) != 0)
    return -errno;
  from_statx(&req->statbuf, sx);
  req->ptr = &req->statbuf;
  return 0;
}

static ssize_t stat_run(nd_fs_t *req) {
  return statx_path(req, 0);
}

static ssize_t lstat_run(nd_fs_t *req) {
  return statx_path(req, AT_SYMLINK_NOFOLLOW);
}

static void stat_prep(nd_fs_t *req, struct io_uring_sqe *sqe) {
  io_uring_prep_statx(sqe, AT_FDCWD, req->path, 0,
                      STATX_BASIC_STATS | STATX_BTIME, statx_buf(req));
}

static void lstat_prep(nd_fs_t *req, struct io_uring_sqe *sqe) {
  io_uring_prep_statx(sqe, AT_FDCWD, req->path, AT_SYMLINK_NOFOLLOW,
                      STATX_BASIC_STATS | STATX_BTIME, statx_buf(req));
}

static const struct nd__fs_op stat_op = {
  stat_run, IORING_OP_STATX, stat_prep, statx_finish, NULL,
};

static const struct nd__fs_op lstat_op = {
  lstat_run, IORING_OP_STATX, lstat_prep, statx_finish, NULL,
};

/*
 * The common head of every request that names a path: reset the request,
 * refuse a missing path before anything is queued (so the callback never
 * runs), and hand the framework the path(s) to copy.
 */
static int path_request(nd_fs_t *req, nd_fs_type type, const char *path,
                        const char *new_path, int wants_new_path) {
  nd__fs_init(req, type);
  if (path == NULL || (wants_new_path && new_path == NULL))
    return ND_EINVAL;
  nd__fs_set_paths(req, path, new_path);
  return 0;
}

int nd_fs_stat(nd_loop_t *loop, nd_fs_t *req, const char *path, nd_fs_cb cb) {
  int err = path_request(req, ND_FS_STAT, path, NULL, 0);

  if (err != 0)
    return err;
  return nd__fs_start(loop, req, &stat_op, cb);
}

int nd_fs_lstat(nd_loop_t *loop, nd_fs_t *req, const char *path, nd_fs_cb cb) {
  int err = path_request(req, ND_FS_LSTAT, path, NULL, 0);

  if (err != 0)
    return err;
  return nd__fs_start(loop, req, &lstat_op, cb);
}

/* --- statfs ------------------------------------------------------------- */

static ssize_t statfs_run(nd_fs_t *req) {
  struct statfs sf;
  nd_statfs_t *out;

  if (statfs(req->path, &sf) != 0)
    return -errno;
  out = calloc(1, sizeof(*out));
  if (out == NULL)
    return ND_ENOMEM;
  out->f_type = (uint64_t)sf.f_type;
  out->f_bsize = (uint64_t)sf.f_bsize;
  out->f_blocks = sf.f_blocks;
  out->f_bfree = sf.f_bfree;
  out->f_bavail = sf.f_bavail;
  out->f_files = sf.f_files;
  out->f_ffree = sf.f_ffree;
  req->ptr = out;
  return 0;
}

static const struct nd__fs_op statfs_op = {statfs_run, 0, NULL, NULL, NULL};

int nd_fs_statfs(nd_loop_t *loop, nd_fs_t *req, const char *path,
                 nd_fs_cb cb) {
  int err = path_request(req, ND_FS_STATFS, path, NULL, 0);

  if (err != 0)
    return err;
  /*
   * Set here, not by the worker: the loop thread reads fs_flags while a
   * worker runs the request.  free(NULL) covers a failed statfs.
   */
  req->fs_flags |= ND__FS_OWNS_PTR;
  return nd__fs_start(loop, req, &statfs_op, cb);
}

/* --- access ------------------------------------------------------------- */

static ssize_t access_run(nd_fs_t *req) {
  /* Real ids, as access(2): what libuv and Node's fs.access check. */
  return nd__fs_result(faccessat(AT_FDCWD, req->path, req->mode, 0));
}

static const struct nd__fs_op access_op = {access_run, 0, NULL, NULL, NULL};

int nd_fs_access(nd_loop_t *loop, nd_fs_t *req, const char *path, int mode,
                 nd_fs_cb cb) {
  int err = path_request(req, ND_FS_ACCESS, path, NULL, 0);

  if (err != 0)
    return err;
  req->mode = mode;
  return nd__fs_start(loop, req, &access_op, cb);
}

/* --- modes -------------------------------------------------------------- */

static ssize_t chmod_run(nd_fs_t *req) {
  return nd__fs_result(chmod(req->path, (mode_t)req->mode));
}

static ssize_t fchmod_run(nd_fs_t *req) {
  return nd__fs_result(fchmod(req->file, (mode_t)req->mode));
}

static const struct nd__fs_op chmod_op = {chmod_run, 0, NULL, NULL, NULL};
static const struct nd__fs_op fchmod_op = {fchmod_run, 0, NULL, NULL, NULL};

int nd_fs_chmod(nd_loop_t *loop, nd_fs_t *req, const char *path, int mode,
                nd_fs_cb cb) {
  int err = path_request(req, ND_FS_CHMOD, path, NULL, 0);

  if (err != 0)
    return err;
  req->mode = mode;
  return nd__fs_start(loop, req, &chmod_op, cb);
}

int nd_fs_fchmod(nd_loop_t *loop, nd_fs_t *req, nd_file file, int mode,
                 nd_fs_cb cb) {
  nd__fs_init(req, ND_FS_FCHMOD);
  req->file = file;
  req->mode = mode;
  return nd__fs_start(loop, req, &fchmod_op, cb);
}

/* --- owners ------------------------------------------------------------- */

/* An id of -1 leaves that id alone: the system calls' own convention. */
static ssize_t chown_run(nd_fs_t *req) {
  return nd__fs_result(chown(req->path, req->uid, req->gid));
}

static ssize_t fchown_run(nd_fs_t *req) {
  return nd__fs_result(fchown(req->file, req->uid, req->gid));
}

static ssize_t lchown_run(nd_fs_t *req) {
  return nd__fs_result(lchown(req->path, req->uid, req->gid));
}

static const struct nd__fs_op chown_op = {chown_run, 0, NULL, NULL, NULL};
static const struct nd__fs_op fchown_op = {fchown_run, 0, NULL, NULL, NULL};
static const struct nd__fs_op lchown_op = {lchown_run, 0, NULL, NULL, NULL};

static int owner_request(nd_loop_t *loop, nd_fs_t *req, nd_fs_type type,
                         const char *path, uid_t uid, gid_t gid,
                         const struct nd__fs_op *op, nd_fs_cb cb) {
  int err = path_request(req, type, path, NULL, 0);

  if (err != 0)
    return err;
  req->uid = uid;
  req->gid = gid;
  return nd__fs_start(loop, req, op, cb);
}

int nd_fs_chown(nd_loop_t *loop, nd_fs_t *req, const char *path, uid_t uid,
                gid_t gid, nd_fs_cb cb) {
  return owner_request(loop, req, ND_FS_CHOWN, path, uid, gid, &chown_op, cb);
}

int nd_fs_lchown(nd_loop_t *loop, nd_fs_t *req, const char *path, uid_t uid,
                 gid_t gid, nd_fs_cb cb) {
  return owner_request(loop, req, ND_FS_LCHOWN, path, uid, gid, &lchown_op,
                       cb);
}

int nd_fs_fchown(nd_loop_t *loop, nd_fs_t *req, nd_file file, uid_t uid,
                 gid_t gid, nd_fs_cb cb) {
  nd__fs_init(req, ND_FS_FCHOWN);
  req->file = file;
  req->uid = uid;
  req->gid = gid;
  return nd__fs_start(loop, req, &fchown_op, cb);
}

/* --- times -------------------------------------------------------------- */

/*
 * Seconds as a double, the way JavaScript hands them over, to a timespec:
 * whole seconds rounded down and the fraction truncated to nanoseconds, as
 * libuv converts them.  Near 2^31 s a double resolves about 240 ns, so the
 * nanoseconds are as exact as the double is.  The fraction times 1e9 can
 * round up to a whole second in double arithmetic; it stays in the second
 * it belongs to.
 */
static struct timespec timespec_from_seconds(double t) {
  struct timespec ts;
  int64_t sec = (int64_t)t; /* toward zero; t is in range (seconds_valid) */
  double ns;

  if ((double)sec > t)
    sec--;
  ns = (t - (double)sec) * 1e9;
  ts.tv_sec = (time_t)sec;
  ts.tv_nsec = ns >= 999999999.0 ? 999999999L : (long)ns;
  return ts;
}

/* NaN, infinities and values past time_t's range have no timespec. */
static int seconds_valid(double t) {
  return t >= -9223372036854775808.0 && t < 9223372036854775808.0;
}

static void request_times(const nd_fs_t *req, struct timespec ts[2]) {
  ts[0] = timespec_from_seconds(req->atime);
  ts[1] = timespec_from_seconds(req->mtime);
}

static ssize_t utime_run(nd_fs_t *req) {
  struct timespec ts[2];

  request_times(req, ts);
  return nd__fs_result(utimensat(AT_FDCWD, req->path, ts, 0));
}

static ssize_t lutime_run(nd_fs_t *req) {
  struct timespec ts[2];

  request_times(req, ts);
  return nd__fs_result(
      utimensat(AT_FDCWD, req->path, ts, AT_SYMLINK_NOFOLLOW));
}

static ssize_t futime_run(nd_fs_t *req) {
  struct timespec ts[2];

  request_times(req, ts);
  return nd__fs_result(futimens(req->file, ts));
}

static const struct nd__fs_op utime_op = {utime_run, 0, NULL, NULL, NULL};
static const struct nd__fs_op lutime_op = {lutime_run, 0, NULL, NULL, NULL};
static const struct nd__fs_op futime_op = {futime_run, 0, NULL, NULL, NULL};

static int times_request(nd_loop_t *loop, nd_fs_t *req, nd_fs_type type,
                         const char *path, double atime, double mtime,
                         const struct nd__fs_op *op, nd_fs_cb cb) {
  int err = path_request(req, type, path, NULL, 0);

  if (err != 0)
    return err;
  if (!seconds_valid(atime) || !seconds_valid(mtime))
    return ND_EINVAL;
  req->atime = atime;
  req->mtime = mtime;
  return nd__fs_start(loop, req, op, cb);
}

int nd_fs_utime(nd_loop_t *loop, nd_fs_t *req, const char *path, double atime,
                double mtime, nd_fs_cb cb) {
  return times_request(loop, req, ND_FS_UTIME, path, atime, mtime, &utime_op,
                       cb);
}

int nd_fs_lutime(nd_loop_t *loop, nd_fs_t *req, const char *path,
                 double atime, double mtime, nd_fs_cb cb) {
  return times_request(loop, req, ND_FS_LUTIME, path, atime, mtime,
                       &lutime_op, cb);
}

int nd_fs_futime(nd_loop_t *loop, nd_fs_t *req, nd_file file, double atime,
                 double mtime, nd_fs_cb cb) {
  nd__fs_init(req, ND_FS_FUTIME);
  if (!seconds_valid(atime) || !seconds_valid(mtime))
    return ND_EINVAL;
  req->file = file;
  req->atime = atime;
  req->mtime = mtime;
  return nd__fs_start(loop, req, &futime_op, cb);
}

/* --- unlink, rename, link, symlink -------------------------------------- */

static ssize_t unlink_run(nd_fs_t *req) {
  return nd__fs_result(unlink(req->path));
}

static void unlink_prep(nd_fs_t *req, struct io_uring_sqe *sqe) {
  io_uring_prep_unlinkat(sqe, AT_FDCWD, req->path, 0);
}

static ssize_t rename_run(nd_fs_t *req) {
  return nd__fs_result(rename(req->path, req->new_path));
}

static void rename_prep(nd_fs_t *req, struct io_uring_sqe *sqe) {
  io_uring_prep_renameat(sqe, AT_FDCWD, req->path, AT_FDCWD, req->new_path,
                         0);
}

static ssize_t link_run(nd_fs_t *req) {
  return nd__fs_result(link(req->path, req->new_path));
}

static void link_prep(nd_fs_t *req, struct io_uring_sqe *sqe) {
  io_uring_prep_linkat(sqe, AT_FDCWD, req->path, AT_FDCWD, req->new_path, 0);
}

/* path is what the link points at, new_path the link itself. */
static ssize_t symlink_run(nd_fs_t *req) {
  return nd__fs_result(symlink(req->path, req->new_path));
}

static void symlink_prep(nd_fs_t *req, struct io_uring_sqe *sqe) {
  io_uring_prep_symlinkat(sqe, req->path, AT_FDCWD, req->new_path);
}

static const struct nd__fs_op unlink_op = {
  unlink_run, IORING_OP_UNLINKAT, unlink_prep, NULL, NULL,
};

static const struct nd__fs_op rename_op = {
  rename_run, IORING_OP_RENAMEAT, rename_prep, NULL, NULL,
};

static const struct nd__fs_op link_op = {
  link_run, IORING_OP_LINKAT, link_prep, NULL, NULL,
};

static const struct nd__fs_op symlink_op = {
  symlink_run, IORING_OP_SYMLINKAT, symlink_prep, NULL, NULL,
};

int nd_fs_unlink(nd_loop_t *loop, nd_fs_t *req, const char *path,
                 nd_fs_cb cb) {
  int err = path_request(req, ND_FS_UNLINK, path, NULL, 0);

  if (err != 0)
    return err;
  return nd__fs_start(loop, req, &unlink_op, cb);
}

int nd_fs_rename(nd_loop_t *loop, nd_fs_t *req, const char *path,
                 const char *new_path, nd_fs_cb cb) {
  int err = path_request(req, ND_FS_RENAME, path, new_path, 1);

  if (err != 0)
    return err;
  return nd__fs_start(loop, req, &rename_op, cb);
}

int nd_fs_link(nd_loop_t *loop, nd_fs_t *req, const char *path,
               const char *new_path, nd_fs_cb cb) {
  int err = path_request(req, ND_FS_LINK, path, new_path, 1);

  if (err != 0)
    return err;
  return nd__fs_start(loop, req, &link_op, cb);
}

/* The flags mean something on Windows only; they are kept for the record. */
int nd_fs_symlink(nd_loop_t *loop, nd_fs_t *req, const char *path,
                  const char *new_path, int flags, nd_fs_cb cb) {
  int err = path_request(req, ND_FS_SYMLINK, path, new_path, 1);

  if (err != 0)
    return err;
  req->flags = flags;
  return nd__fs_start(loop, req, &symlink_op, cb);
}

/* --- readlink, realpath ------------------------------------------------- */

/*
 * readlink(2) says nothing about a target longer than the buffer: it just
 * fills the buffer.  A full buffer therefore means "maybe more", and the
 * call is repeated with twice the room.  Most targets fit the first try;
 * the result is then trimmed to its length.
 */
static ssize_t readlink_run(nd_fs_t *req) {
  size_t size = 256;
  char *buf = NULL;
  char *grown;
  ssize_t n;

  for (;;) {
    grown = realloc(buf, size);
    if (grown == NULL) {
      free(buf);
      return ND_ENOMEM;
    }
    buf = grown;
    n = readlink(req->path, buf, size);
    if (n < 0) {
      n = -errno;
      free(buf);
      return n;
    }
    if ((size_t)n < size)
      break;
    if (size > SSIZE_MAX / 2) {
      free(buf);
      return ND_ENAMETOOLONG;
    }
    size *= 2;
  }
  buf[n] = '\0';
  grown = realloc(buf, (size_t)n + 1);
  req->ptr = grown != NULL ? grown : buf;
  return 0;
}

static ssize_t realpath_run(nd_fs_t *req) {
  char *resolved = realpath(req->path, NULL);

  if (resolved == NULL)
    return -errno;
  req->ptr = resolved;
  return 0;
}

static const struct nd__fs_op readlink_op = {
  readlink_run, 0, NULL, NULL, NULL,
};

static const struct nd__fs_op realpath_op = {
  realpath_run, 0, NULL, NULL, NULL,
};

int nd_fs_readlink(nd_loop_t *loop, nd_fs_t *req, const char *path,
                   nd_fs_cb cb) {
  int err = path_request(req, ND_FS_READLINK, path, NULL, 0);

  if (err != 0)
    return err;
  req->fs_flags |= ND__FS_OWNS_PTR; /* see nd_fs_statfs */
  return nd__fs_start(loop, req, &readlink_op, cb);
}

int nd_fs_realpath(nd_loop_t *loop, nd_fs_t *req, const char *path,
                   nd_fs_cb cb) {
  int err = path_request(req, ND_FS_REALPATH, path, NULL, 0);

  if (err != 0)
    return err;
  req->fs_flags |= ND__FS_OWNS_PTR; /* see nd_fs_statfs */
  return nd__fs_start(loop, req, &realpath_op, cb);
}
