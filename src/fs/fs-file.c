/*
 * fs-file.c - descriptors and their contents: open, close, read, write,
 * sendfile, copyfile, ftruncate, fsync, fdatasync, fallocate.
 *
 * On an io_uring loop open, close, read, write, ftruncate, fsync,
 * fdatasync and fallocate are kernel operations on the ring; sendfile and
 * copyfile are loops of system calls with fallbacks, which only a worker
 * can run.  The blocking implementations here serve requests without a
 * callback, the pool, and any opcode the running kernel lacks.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include "fs-internal.h"

/* From <linux/fs.h>, which does not mix well with glibc's headers. */
#ifndef FICLONE
#define FICLONE _IOW(0x94, 9, int)
#endif

/*
 * IORING_OP_FTRUNCATE (Linux 6.9) postdates liburing 2.3, which has neither
 * the constant nor a prep helper; the value is the kernel's ABI.
 * nd__uring_supports() asks the running kernel, so an older one gets the
 * pool instead.
 */
#define ND__IORING_OP_FTRUNCATE 55

/* The ring, preadv and pwritev take our buffers as they are. */
_Static_assert(sizeof(nd_buf_t) == sizeof(struct iovec) &&
                   offsetof(nd_buf_t, base) == offsetof(struct iovec, iov_base) &&
                   offsetof(nd_buf_t, len) == offsetof(struct iovec, iov_len),
               "nd_buf_t must have the layout of struct iovec");

/* Bytes asked of the kernel per sendfile / copy_file_range call. */
#define COPY_CHUNK ((size_t)1 << 30)
/* Bytes per read/write round when the kernel cannot copy for us. */
#define BOUNCE_SIZE ((size_t)64 * 1024)

/* An invalid argument: the request ends before it starts. */
static int invalid(nd_fs_t *req) {
  req->result = ND_EINVAL;
  return ND_EINVAL;
}

/* A vectored call takes at most IOV_MAX buffers (EINVAL beyond). */
static int iov_count(unsigned int nbufs) {
  return nbufs > IOV_MAX ? IOV_MAX : (int)nbufs;
}

/* The ring's offset: -1 is "the current position", as for the pool. */
static uint64_t ring_offset(const nd_fs_t *req) {
  return req->off < 0 ? (uint64_t)-1 : (uint64_t)req->off;
}

/* Write all of buf, whatever the kernel takes per call. */
static ssize_t write_fully(int fd, const char *buf, size_t len, off_t *off) {
  size_t done = 0;
  ssize_t r;
  struct pollfd pfd;

  while (done < len) {
    if (off != NULL)
      r = pwrite(fd, buf + done, len - done, *off);
    else
      r = write(fd, buf + done, len - done);
    if (r < 0 && errno == EINTR)
      continue;
    /* A non-blocking target: this is a worker, it may wait. */
    if (r < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      pfd.fd = fd;
      pfd.events = POLLOUT;
      if (poll(&pfd, 1, -1) < 0 && errno != EINTR)
        return -errno;
      continue;
    }
    if (r < 0)
      return -errno;
    if (r == 0)
      return ND_EIO;
    done += (size_t)r;
    if (off != NULL)
      *off += r;
  }
  return (ssize_t)done;
}

/* --- open, close -------------------------------------------------------- */

static ssize_t open_run(nd_fs_t *req) {
  int fd;

  do
    fd = open(req->path, req->flags, req->mode);
  while (fd < 0 && errno == EINTR);
  return nd__fs_result(fd);
}

static void open_prep(nd_fs_t *req, struct io_uring_sqe *sqe) {
  io_uring_prep_openat(sqe, AT_FDCWD, req->path, req->flags,
                       (mode_t)req->mode);
}

static const struct nd__fs_op open_op = {
  open_run, IORING_OP_OPENAT, open_prep, NULL, NULL,
};

int nd_fs_open(nd_loop_t *loop, nd_fs_t *req, const char *path, int flags,
               int mode, nd_fs_cb cb) {
  nd__fs_init(req, ND_FS_OPEN);
  if (path == NULL)
    return invalid(req);
  nd__fs_set_paths(req, path, NULL);
  /* A descriptor the library opens never leaks into a child by accident. */
  req->flags = flags | O_CLOEXEC;
  req->mode = mode;
  return nd__fs_start(loop, req, &open_op, cb);
}

/*
 * Linux releases the descriptor even when close reports EINTR, so a retry
 * could close a descriptor another thread has just been given; the close
 * happened, and that is what the caller learns.
 */
static ssize_t close_run(nd_fs_t *req) {
  if (close(req->file) != 0 && errno != EINTR && errno != EINPROGRESS)
    return -errno;
  return 0;
}

static void close_prep(nd_fs_t *req, struct io_uring_sqe *sqe) {
  io_uring_prep_close(sqe, req->file);
}

static const struct nd__fs_op close_op = {
  close_run, IORING_OP_CLOSE, close_prep, NULL, NULL,
};

int nd_fs_close(nd_loop_t *loop, nd_fs_t *req, nd_file file, nd_fs_cb cb) {
  nd__fs_init(req, ND_FS_CLOSE);
  req->file = file;
  return nd__fs_start(loop, req, &close_op, cb);
}

/* --- read, write -------------------------------------------------------- */

/* One call: at most IOV_MAX buffers, as libuv reads. */
static ssize_t read_run(nd_fs_t *req) {
  const struct iovec *iov = (const struct iovec *)req->bufs;
  int n = iov_count(req->nbufs);
  ssize_t r;

  do
    r = req->off < 0 ? readv(req->file, iov, n)
                     : preadv(req->file, iov, n, req->off);
  while (r < 0 && errno == EINTR);
  return nd__fs_result(r);
}

/*
 * On the ring the kernel completes a partial transfer to a regular file
 * itself, so one operation does what write_run's loop does; more than
 * IOV_MAX buffers never come here.  One buffer goes as IORING_OP_READ or
 * _WRITE unless its length does not fit the SQE's 32 bits.
 */
static void read_prep(nd_fs_t *req, struct io_uring_sqe *sqe) {
  if (req->nbufs == 1 && req->bufs[0].len <= UINT32_MAX)
    io_uring_prep_read(sqe, req->file, req->bufs[0].base,
                       (unsigned int)req->bufs[0].len, ring_offset(req));
  else
    io_uring_prep_readv(sqe, req->file, (const struct iovec *)req->bufs,
                        (unsigned int)iov_count(req->nbufs),
                        ring_offset(req));
}

static const struct nd__fs_op read_op = {
  read_run, IORING_OP_READV, read_prep, NULL, NULL,
};

/*
 * Everything is written, IOV_MAX buffers per call, until the kernel takes
 * nothing more or fails: the result is the bytes written, or the error if
 * there were none (libuv's contract for uv_fs_write).  The request's copy
 * of the buffers is consumed as it goes.
 */
static ssize_t write_run(nd_fs_t *req) {
  struct iovec *iov = (struct iovec *)req->bufs;
  unsigned int left = req->nbufs;
  int64_t off = req->off;
  ssize_t total = 0;
  ssize_t r;
  size_t done;

  while (left > 0) {
    do
      r = off < 0 ? writev(req->file, iov, iov_count(left))
                  : pwritev(req->file, iov, iov_count(left), off);
    while (r < 0 && errno == EINTR);
    if (r <= 0) {
      if (total == 0 && r < 0)
        total = -errno;
      break;
    }
    total += r;
    if (off >= 0)
      off += r;
    /* Skip what is written; a partly written buffer keeps its rest. */
    done = (size_t)r;
    while (left > 0 && done >= iov->iov_len) {
      done -= iov->iov_len;
      iov++;
      left--;
    }
    if (left > 0) {
      iov->iov_base = (char *)iov->iov_base + done;
      iov->iov_len -= done;
    }
  }
  return total;
}

static void write_prep(nd_fs_t *req, struct io_uring_sqe *sqe) {
  if (req->nbufs == 1 && req->bufs[0].len <= UINT32_MAX)
    io_uring_prep_write(sqe, req->file, req->bufs[0].base,
                        (unsigned int)req->bufs[0].len, ring_offset(req));
  else
    io_uring_prep_writev(sqe, req->file, (const struct iovec *)req->bufs,
                         req->nbufs, ring_offset(req));
}

static const struct nd__fs_op write_op = {
  write_run, IORING_OP_WRITEV, write_prep, NULL, NULL,
};

/* More than IOV_MAX buffers: one SQE cannot take them, a worker loops. */
static const struct nd__fs_op write_many_op = {
  write_run, 0, NULL, NULL, NULL,
};

static int start_rw(nd_loop_t *loop, nd_fs_t *req, nd_fs_type type,
                    nd_file file, const nd_buf_t bufs[], unsigned int nbufs,
                    int64_t offset, nd_fs_cb cb) {
  const struct nd__fs_op *op;
  int err;

  nd__fs_init(req, type);
  if (bufs == NULL || nbufs == 0 || offset < -1)
    return invalid(req);
  req->file = file;
  req->off = offset;
  err = nd__fs_set_bufs(req, bufs, nbufs);
  if (err != 0) {
    req->result = err;
    return err;
  }
  if (type == ND_FS_READ)
    op = &read_op;
  else
    op = nbufs > IOV_MAX ? &write_many_op : &write_op;
  return nd__fs_start(loop, req, op, cb);
}

int nd_fs_read(nd_loop_t *loop, nd_fs_t *req, nd_file file,
               const nd_buf_t bufs[], unsigned int nbufs, int64_t offset,
               nd_fs_cb cb) {
  return start_rw(loop, req, ND_FS_READ, file, bufs, nbufs, offset, cb);
}

int nd_fs_write(nd_loop_t *loop, nd_fs_t *req, nd_file file,
                const nd_buf_t bufs[], unsigned int nbufs, int64_t offset,
                nd_fs_cb cb) {
  return start_rw(loop, req, ND_FS_WRITE, file, bufs, nbufs, offset, cb);
}

/* --- sendfile ----------------------------------------------------------- */

/* Errors that mean "not this way", not "this data cannot move". */
static int kernel_copy_unsupported(int err) {
  return err == EINVAL || err == ENOSYS || err == EXDEV ||
         err == EOPNOTSUPP || err == ENOTSUP || err == EIO;
}

/*
 * What sendfile does, through a buffer: for targets the kernel refuses
 * (one opened O_APPEND, say).  With offset -1 the source is read at its
 * position, which ends after what was written, not after what was read.
 */
static ssize_t sendfile_bounce(int out_fd, int in_fd, int64_t offset,
                               size_t len) {
  char *buf;
  off_t pos;
  off_t *at;
  ssize_t total = 0;
  ssize_t r;
  ssize_t w;
  int seekable = 0;

  buf = malloc(BOUNCE_SIZE);
  if (buf == NULL)
    return ND_ENOMEM;
  pos = offset;
  if (offset < 0) {
    pos = lseek(in_fd, 0, SEEK_CUR);
    seekable = pos >= 0;
  }
  at = offset >= 0 || seekable ? &pos : NULL;
  while ((size_t)total < len) {
    size_t n = len - (size_t)total < BOUNCE_SIZE ? len - (size_t)total
                                                 : BOUNCE_SIZE;
    do
      r = at != NULL ? pread(in_fd, buf, n, *at) : read(in_fd, buf, n);
    while (r < 0 && errno == EINTR);
    if (r <= 0) {
      if (r < 0 && total == 0)
        total = -errno;
      break;
    }
    w = write_fully(out_fd, buf, (size_t)r, NULL);
    if (w < 0) {
      if (total == 0)
        total = w;
      break;
    }
    total += w;
    if (at != NULL)
      *at += w;
  }
  if (seekable)
    lseek(in_fd, pos, SEEK_SET);
  free(buf);
  return total;
}

/*
 * sendfile(2) until `len` bytes have moved, the source ends, or the target
 * takes no more (a full non-blocking socket): the result is the bytes
 * sent, or the error if there were none.  in_fd's position moves only when
 * in_offset is -1.
 */
static ssize_t sendfile_run(nd_fs_t *req) {
  int out_fd = req->file;
  int in_fd = req->flags;
  int64_t offset = req->off;
  size_t left = req->len;
  ssize_t total = 0;
  ssize_t r;
  off_t pos;

  while (left > 0) {
    pos = offset;
    r = sendfile(out_fd, in_fd, offset >= 0 ? &pos : NULL,
                 left < COPY_CHUNK ? left : COPY_CHUNK);
    if (r < 0 && errno == EINTR)
      continue;
    if (r < 0 && total == 0 && kernel_copy_unsupported(errno))
      return sendfile_bounce(out_fd, in_fd, offset, left);
    if (r <= 0) {
      if (r < 0 && total == 0)
        total = -errno;
      break;
    }
    total += r;
    left -= (size_t)r;
    if (offset >= 0)
      offset += r;
  }
  return total;
}

static const struct nd__fs_op sendfile_op = {
  sendfile_run, 0, NULL, NULL, NULL,
};

int nd_fs_sendfile(nd_loop_t *loop, nd_fs_t *req, nd_file out_fd,
                   nd_file in_fd, int64_t in_offset, size_t length,
                   nd_fs_cb cb) {
  nd__fs_init(req, ND_FS_SENDFILE);
  if (in_offset < -1)
    return invalid(req);
  req->file = out_fd;
  req->flags = in_fd; /* the source descriptor */
  req->off = in_offset;
  req->len = length;
  return nd__fs_start(loop, req, &sendfile_op, cb);
}

/* --- copyfile ----------------------------------------------------------- */

/*
 * Copy in_fd to out_fd from offset 0 to the source's end: copy_file_range
 * (in-kernel, reflinks or server-side copies where the file system has
 * them), else sendfile, else a buffer.  Each falls back to the next when
 * the kernel says it cannot do this pair of files, from where the last one
 * stopped.
 */
static int copy_contents(int in_fd, int out_fd) {
  enum { BY_RANGE, BY_SENDFILE, BY_BUFFER } how = BY_RANGE;
  off_t in_off = 0;
  off_t out_off = 0;
  char *buf = NULL;
  ssize_t r;
  int err = 0;

  for (;;) {
    switch (how) {
    case BY_RANGE:
      r = copy_file_range(in_fd, &in_off, out_fd, &out_off, COPY_CHUNK, 0);
      break;
    case BY_SENDFILE:
      /* sendfile writes at out_fd's position, placed before the switch. */
      r = sendfile(out_fd, in_fd, &in_off, COPY_CHUNK);
      if (r > 0)
        out_off += r;
      break;
    default:
      do
        r = pread(in_fd, buf, BOUNCE_SIZE, in_off);
      while (r < 0 && errno == EINTR);
      if (r > 0) {
        r = write_fully(out_fd, buf, (size_t)r, &out_off);
        if (r < 0) {
          err = (int)r;
          goto out;
        }
        in_off += r;
      }
      break;
    }
    if (r == 0)
      break;
    if (r > 0)
      continue;
    if (errno == EINTR)
      continue;
    if (how == BY_BUFFER || !kernel_copy_unsupported(errno)) {
      err = -errno;
      break;
    }
    if (how == BY_RANGE) {
      how = BY_SENDFILE;
      if (lseek(out_fd, out_off, SEEK_SET) < 0) {
        err = -errno;
        break;
      }
    } else {
      how = BY_BUFFER;
      buf = malloc(BOUNCE_SIZE);
      if (buf == NULL) {
        err = ND_ENOMEM;
        break;
      }
    }
  }
out:
  free(buf);
  return err;
}

/*
 * The destination, and whether this call made it (only then does a failed
 * copy remove it).  Without EXCL an existing file is opened as it is: it
 * may be the source itself, which must not be truncated.
 */
static int open_destination(const char *path, mode_t mode, int excl,
                            int *created) {
  int fd;

  do
    fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  while (fd < 0 && errno == EINTR);
  if (fd >= 0) {
    *created = 1;
    return fd;
  }
  if (errno != EEXIST || excl)
    return -errno;
  /* O_CREAT again follows a dangling symlink, as a plain open would. */
  do
    fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, mode);
  while (fd < 0 && errno == EINTR);
  *created = 0;
  return nd__fs_result(fd);
}

static ssize_t copyfile_run(nd_fs_t *req) {
  struct stat src_st;
  struct stat dst_st;
  mode_t mode;
  int in_fd;
  int out_fd = -1;
  int created = 0;
  int err = 0;

  do
    in_fd = open(req->path, O_RDONLY | O_CLOEXEC);
  while (in_fd < 0 && errno == EINTR);
  if (in_fd < 0)
    return -errno;
  if (fstat(in_fd, &src_st) != 0) {
    err = -errno;
    goto out;
  }
  if (S_ISDIR(src_st.st_mode)) {
    err = ND_EISDIR;
    goto out;
  }
  mode = src_st.st_mode & 07777;
  out_fd = open_destination(req->new_path, mode,
                            req->flags & ND_FS_COPYFILE_EXCL, &created);
  if (out_fd < 0) {
    err = out_fd;
    goto out;
  }
  if (fstat(out_fd, &dst_st) != 0) {
    err = -errno;
    goto out;
  }
  /* A file copied onto itself is already a copy: touch nothing. */
  if (dst_st.st_dev == src_st.st_dev && dst_st.st_ino == src_st.st_ino)
    goto out;
  /*
   * The source's mode, whatever the umask did to a new file or what an old
   * one had.  EPERM (a file of another owner we may write, a file system
   * without modes) leaves the mode and still copies the data.
   */
  if ((dst_st.st_mode & 07777) != mode && fchmod(out_fd, mode) != 0 &&
      errno != EPERM) {
    err = -errno;
    goto out;
  }
  if (req->flags & (ND_FS_COPYFILE_FICLONE | ND_FS_COPYFILE_FICLONE_FORCE)) {
    if (ioctl(out_fd, FICLONE, in_fd) == 0) {
      /* The clone covers the source; an old, longer file keeps no tail. */
      if (fstat(in_fd, &src_st) != 0 ||
          ftruncate(out_fd, src_st.st_size) != 0)
        err = -errno;
      goto out;
    }
    if (req->flags & ND_FS_COPYFILE_FICLONE_FORCE) {
      err = -errno;
      goto out;
    }
  }
  if (ftruncate(out_fd, 0) != 0) {
    err = -errno;
    goto out;
  }
  err = copy_contents(in_fd, out_fd);
out:
  /* A failing close of the copy may be the first word of a write error. */
  if (out_fd >= 0 && close(out_fd) != 0 && errno != EINTR && err == 0)
    err = -errno;
  close(in_fd);
  if (err != 0 && created)
    unlink(req->new_path);
  return err;
}

static const struct nd__fs_op copyfile_op = {
  copyfile_run, 0, NULL, NULL, NULL,
};

int nd_fs_copyfile(nd_loop_t *loop, nd_fs_t *req, const char *path,
                   const char *new_path, int flags, nd_fs_cb cb) {
  const int known = ND_FS_COPYFILE_EXCL | ND_FS_COPYFILE_FICLONE |
                    ND_FS_COPYFILE_FICLONE_FORCE;

  nd__fs_init(req, ND_FS_COPYFILE);
  if (path == NULL || new_path == NULL || (flags & ~known) != 0)
    return invalid(req);
  nd__fs_set_paths(req, path, new_path);
  req->flags = flags;
  return nd__fs_start(loop, req, &copyfile_op, cb);
}

/* --- ftruncate ---------------------------------------------------------- */

static ssize_t ftruncate_run(nd_fs_t *req) {
  int r;

  do
    r = ftruncate(req->file, req->off);
  while (r != 0 && errno == EINTR);
  return nd__fs_result(r);
}

/* No liburing helper: the kernel reads the fd and the length (in off). */
static void ftruncate_prep(nd_fs_t *req, struct io_uring_sqe *sqe) {
  io_uring_prep_rw(ND__IORING_OP_FTRUNCATE, sqe, req->file, NULL, 0,
                   (uint64_t)req->off);
}

static const struct nd__fs_op ftruncate_op = {
  ftruncate_run, ND__IORING_OP_FTRUNCATE, ftruncate_prep, NULL, NULL,
};

int nd_fs_ftruncate(nd_loop_t *loop, nd_fs_t *req, nd_file file,
                    int64_t offset, nd_fs_cb cb) {
  nd__fs_init(req, ND_FS_FTRUNCATE);
  req->file = file;
  req->off = offset;
  return nd__fs_start(loop, req, &ftruncate_op, cb);
}

/* --- fsync, fdatasync --------------------------------------------------- */

static ssize_t fsync_run(nd_fs_t *req) {
  int r;

  do
    r = req->fs_type == ND_FS_FDATASYNC ? fdatasync(req->file)
                                        : fsync(req->file);
  while (r != 0 && errno == EINTR);
  return nd__fs_result(r);
}

static void fsync_prep(nd_fs_t *req, struct io_uring_sqe *sqe) {
  io_uring_prep_fsync(sqe, req->file,
                      req->fs_type == ND_FS_FDATASYNC ? IORING_FSYNC_DATASYNC
                                                      : 0);
}

static const struct nd__fs_op fsync_op = {
  fsync_run, IORING_OP_FSYNC, fsync_prep, NULL, NULL,
};

int nd_fs_fsync(nd_loop_t *loop, nd_fs_t *req, nd_file file, nd_fs_cb cb) {
  nd__fs_init(req, ND_FS_FSYNC);
  req->file = file;
  return nd__fs_start(loop, req, &fsync_op, cb);
}

int nd_fs_fdatasync(nd_loop_t *loop, nd_fs_t *req, nd_file file,
                    nd_fs_cb cb) {
  nd__fs_init(req, ND_FS_FDATASYNC);
  req->file = file;
  return nd__fs_start(loop, req, &fsync_op, cb);
}

/* --- fallocate ---------------------------------------------------------- */

/* The length rides in scratch: len is a size_t, fallocate's is signed. */
static int64_t fallocate_len(const nd_fs_t *req) {
  return (int64_t)req->scratch[0];
}

static ssize_t fallocate_run(nd_fs_t *req) {
  int r;

  do
    r = fallocate(req->file, req->mode, req->off, fallocate_len(req));
  while (r != 0 && errno == EINTR);
  return nd__fs_result(r);
}

static void fallocate_prep(nd_fs_t *req, struct io_uring_sqe *sqe) {
  io_uring_prep_fallocate(sqe, req->file, req->mode, req->off,
                          fallocate_len(req));
}

static const struct nd__fs_op fallocate_op = {
  fallocate_run, IORING_OP_FALLOCATE, fallocate_prep, NULL, NULL,
};

int nd_fs_fallocate(nd_loop_t *loop, nd_fs_t *req, nd_file file, int mode,
                    int64_t offset, int64_t len, nd_fs_cb cb) {
  nd__fs_init(req, ND_FS_FALLOCATE);
  req->file = file;
  req->mode = mode;
  req->off = offset;
  req->scratch[0] = (uint64_t)len;
  return nd__fs_start(loop, req, &fallocate_op, cb);
}
